/** UI text of withdrawing a source (issue 11), in the Sources view (en). */
export const sources_en = {
  withdraw: {
    action: 'Withdraw source…',
    title: 'Withdraw {{file}}?',
    hides: 'Its {{customers}} customers will be hidden from every view, count and export: the grid, data quality, duplicates, fixes and golden records.',
    golden: '{{members}} of them are merged into {{records}} golden records, which keep only their other members while the source is withdrawn.',
    changed: '{{customers}} of them have accepted fixes or edits; those stay in the history.',
    kept: 'Nothing is deleted: its {{raw}} raw rows and {{quarantined}} quarantined rows stay. The withdrawal is one entry in History; Undo or Bring back shows everything again exactly as it was.',
    reimport: 'To import the file again later, import it as a new source.',
    confirm: 'Withdraw',
    cancel: 'Cancel',
    state: 'Withdrawn {{when}}',
    bringBack: 'Bring back',
    done: 'Withdrew {{file}}: {{customers}} customers hidden. Bring back, or Undo in History, shows them again.',
    back: 'Brought back {{file}}: {{customers}} customers shown again.',
  },
};
