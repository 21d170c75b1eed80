/** 加密项目的界面文字（简体中文）：创建、解锁和口令对话框。 */
export const protect_zhCN = {
  protect: {
    createProtected: '用口令保护',
    createHint: '整个项目文件都会加密。没有口令，任何人都无法打开它，包括您自己：忘记的口令无法找回。',
    passphrase: '口令', repeat: '再次输入口令', current: '当前口令', newPassphrase: '新口令',
    tooShort: '至少 {{count}} 个字符。', differ: '两次输入的口令不一致。',
    remember: '在此电脑上记住（保存在系统钥匙串中）',
    encrypted: '已加密', notEncrypted: '未加密',
    unlockTitle: '解锁 {{name}}', unlockText: '此项目已加密。请输入口令以打开。', unlock: '解锁',
    wrong: '此口令无法打开 {{name}}：口令错误，或文件已损坏。', wrongCurrent: '当前口令错误，未做任何更改。',
    settings: '口令…', dialogTitle: '{{name}} 的口令',
    protectText: '加密此项目：项目文件会被重新写入并加密，此后只能用口令打开。',
    protectNow: '加密项目',
    changeText: '此项目已加密。您可以更改口令，或移除口令以不加密方式保存项目。',
    change: '更改口令', remove: '移除口令',
    removeWarning: '移除口令后项目将以不加密方式保存：任何能读取该文件的人都能看到您的客户数据。',
    working: '正在重新写入项目……大型项目需要一点时间。',
    doneProtected: '项目已加密。', doneChanged: '口令已更改。', doneRemoved: '项目已不再加密。',
  },
};
