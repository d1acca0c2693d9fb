/** A tree of translated strings; leaves use i18next interpolation (`{{name}}`). */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One area's messages in every language; each area owns one file in `shared/i18n/`. */
export type AreaMessages = Record<Language, MessageTree>;
