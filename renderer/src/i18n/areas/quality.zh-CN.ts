/** UI text of the quality area (zh-CN). Keys are top-level sections merged into the translation. */
export const quality_zhCN = {};
