/** Words for the notes and errors formats write: "3 rows", "was"/"were". */

/** "1 row", "3 rows" (or the given plural). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "was" for one, "were" for several. */
export const was = (n: number): string => (n === 1 ? 'was' : 'were');
