/** UI text of the match area (en). Keys are top-level sections merged into the translation. */
export const match_en = {};
