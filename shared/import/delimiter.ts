import Papa from 'papaparse';

/**
 * Which of `;`, `,` and TAB separates the cells. French spreadsheets write `;` (the comma is the decimal mark), Google
 * Forms and English tools write `,`, some exports use TAB. Counting characters on the first line is not enough: a
 * two-column `;` file has one `;` per line, and a comma inside a cell ("PSC1, Jardinage") outvotes it. So each
 * candidate parses a sample with quotes respected, and wins by how many records share the header's cell count.
 */

export const DELIMITERS = [';', ',', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimiterGuess {
  readonly delimiter: Delimiter;
  /** Share of sampled records with the header's cell count (1 = every record); 0 when no candidate splits anything. */
  readonly consistency: number;
  readonly columns: number;
}

const SAMPLE_RECORDS = 200;
const SAMPLE_CHARACTERS = 256 * 1024;

/** `text` has its line breaks normalised to LF (see parse.ts). */
export function detectDelimiter(text: string): DelimiterGuess {
  const sample = sampleOf(text);
  let best: DelimiterGuess = { delimiter: ';', consistency: 0, columns: 1 };
  for (const delimiter of DELIMITERS) {
    const guess = score(sample, delimiter);
    // Ties keep the earlier candidate: `;` first, the French default.
    if (
      guess.columns >= 2 &&
      (guess.consistency > best.consistency || (guess.consistency === best.consistency && guess.columns > best.columns))
    ) {
      best = guess;
    }
  }
  return best;
}

function score(sample: { text: string; truncated: boolean }, delimiter: Delimiter): DelimiterGuess {
  const parsed = Papa.parse<string[]>(sample.text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: 'greedy',
    preview: SAMPLE_RECORDS + 1,
  });
  const records = parsed.data;
  // A wrong delimiter often shows as quotes that do not close where a cell ends ("a","b" read with `;`): a record the
  // parser had to repair does not count as agreeing, and a repaired header rules the candidate out.
  const repaired = new Set(parsed.errors.filter((error) => error.type === 'Quotes').map((error) => error.row));
  // The last record of a cut sample may be cut too.
  if (sample.truncated && records.length > 2) records.pop();
  const [header, ...rows] = records;
  const columns = header?.length ?? 0;
  if (repaired.has(0)) return { delimiter, consistency: 0, columns };
  if (rows.length === 0) return { delimiter, consistency: columns >= 2 ? 1 : 0, columns };
  const agreeing = rows.filter((row, index) => row.length === columns && !repaired.has(index + 1)).length;
  return { delimiter, consistency: agreeing / rows.length, columns };
}

function sampleOf(text: string): { text: string; truncated: boolean } {
  if (text.length <= SAMPLE_CHARACTERS) return { text, truncated: false };
  const end = text.lastIndexOf('\n', SAMPLE_CHARACTERS);
  return { text: text.slice(0, end > 0 ? end : SAMPLE_CHARACTERS), truncated: true };
}
