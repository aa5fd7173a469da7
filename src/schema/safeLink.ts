/** Links in authored text may only go to the web or to mail: never `javascript:` or `data:`. */
export const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
