/** UI text of the match area (zh-CN). Keys are top-level sections merged into the translation. */
export const match_zhCN = {};
