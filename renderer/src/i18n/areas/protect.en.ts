/** UI text for encrypted projects (en): creating one, unlocking, and the passphrase dialog. */
export const protect_en = {
  protect: {
    createProtected: 'Protect with a passphrase',
    createHint: 'The whole project file is encrypted. Without the passphrase nobody can open it — nor can you: a forgotten passphrase cannot be recovered.',
    passphrase: 'Passphrase', repeat: 'The same passphrase again', current: 'Current passphrase', newPassphrase: 'New passphrase',
    tooShort: 'At least {{count}} characters.', differ: 'The two passphrases differ.',
    remember: 'Remember on this computer (in the system keychain)',
    encrypted: 'Encrypted', notEncrypted: 'Not encrypted',
    unlockTitle: 'Unlock {{name}}', unlockText: 'This project is encrypted. Enter its passphrase to open it.', unlock: 'Unlock',
    wrong: 'The passphrase does not open {{name}}: it is wrong, or the file is damaged.', wrongCurrent: 'The current passphrase is wrong; nothing was changed.',
    settings: 'Passphrase…', dialogTitle: 'Passphrase of {{name}}',
    protectText: 'Encrypt this project: the file is written anew, encrypted, and from then on opens only with the passphrase.',
    protectNow: 'Encrypt project',
    changeText: 'This project is encrypted. Change its passphrase, or remove it to store the project unencrypted.',
    change: 'Change passphrase', remove: 'Remove passphrase',
    removeWarning: 'Removing the passphrase writes the project unencrypted: anyone who can read the file can read your customers.',
    working: 'Writing the project anew… this takes a moment for a large project.',
    doneProtected: 'The project is encrypted.', doneChanged: 'The passphrase was changed.', doneRemoved: 'The project is no longer encrypted.',
  },
};
