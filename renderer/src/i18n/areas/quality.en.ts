/** UI text of the quality area (en). Keys are top-level sections merged into the translation. */
export const quality_en = {};
