/** 撤回来源的界面文字（issue 11），位于“来源”视图（zh-CN）。 */
export const sources_zhCN = {
  withdraw: {
    action: '撤回来源…',
    title: '撤回 {{file}}？',
    hides: '其 {{customers}} 位客户将从所有视图、计数和导出中隐藏：客户表格、数据质量、重复项、修正和黄金记录。',
    golden: '其中 {{members}} 位已合并到 {{records}} 条黄金记录中；来源撤回期间，这些黄金记录只保留其他成员。',
    changed: '其中 {{customers}} 位有已接受的修正或编辑；它们仍保留在历史记录中。',
    kept: '不会删除任何内容：其 {{raw}} 行原始数据和 {{quarantined}} 行隔离数据都会保留。撤回是历史记录中的一条记录；撤销或“恢复来源”会让一切原样重现。',
    reimport: '以后如需再次导入该文件，请将其作为新来源导入。',
    confirm: '撤回',
    cancel: '取消',
    state: '已于 {{when}} 撤回',
    bringBack: '恢复来源',
    done: '已撤回 {{file}}：隐藏了 {{customers}} 位客户。“恢复来源”或在历史记录中撤销可让其重新显示。',
    back: '已恢复 {{file}}：{{customers}} 位客户重新显示。',
  },
};
