/**
 * A strict reader of the export's CSV dialect (RFC 4180 with CRLF records), for the validator and round-trip tests.
 * Unlike a forgiving parser, it reports what the contract forbids instead of repairing it: a record not ended by
 * CRLF, a bare CR or LF outside quotes, a stray quote, an unterminated quoted field.
 */

export interface CsvRecord {
  readonly cells: string[];
  /** 1-based physical line where the record starts. */
  readonly line: number;
}

export interface CsvSyntaxProblem {
  readonly code: 'bare-line-break' | 'stray-quote' | 'unterminated-quote' | 'missing-final-crlf';
  readonly line: number;
  /** 0-based index of the cell being read. */
  readonly cell: number;
}

export function* readCsvRecords(
  text: string,
  delimiter: string,
  problems: CsvSyntaxProblem[],
): Generator<CsvRecord, void, undefined> {
  let index = 0;
  let line = 1;
  const length = text.length;
  while (index < length) {
    const startLine = line;
    const cells: string[] = [];
    let ended = false;
    while (!ended) {
      let cell = '';
      if (text.charAt(index) === '"') {
        index++;
        let closed = false;
        while (index < length) {
          const char = text.charAt(index);
          if (char === '"') {
            if (text.charAt(index + 1) === '"') {
              cell += '"';
              index += 2;
              continue;
            }
            index++;
            closed = true;
            break;
          }
          if (char === '\n') line++;
          cell += char;
          index++;
        }
        if (!closed) {
          problems.push({ code: 'unterminated-quote', line: startLine, cell: cells.length });
          cells.push(cell);
          yield { cells, line: startLine };
          return;
        }
        const next = text.charAt(index);
        if (next !== delimiter && next !== '\r' && next !== '\n' && index < length) {
          problems.push({ code: 'stray-quote', line, cell: cells.length });
          // Skip to the end of the field to keep reading the rest of the file.
          while (index < length && !isBoundary(text, index, delimiter)) index++;
        }
      } else {
        while (index < length && !isBoundary(text, index, delimiter)) {
          const char = text.charAt(index);
          if (char === '"') problems.push({ code: 'stray-quote', line, cell: cells.length });
          cell += char;
          index++;
        }
      }
      cells.push(cell);
      if (index >= length) {
        problems.push({ code: 'missing-final-crlf', line, cell: cells.length - 1 });
        ended = true;
      } else if (text.charAt(index) === delimiter) {
        index++;
      } else if (text.charAt(index) === '\r' && text.charAt(index + 1) === '\n') {
        index += 2;
        line++;
        ended = true;
      } else {
        // A CR alone or an LF alone ends a record in lax readers: the contract wants CRLF after every record.
        problems.push({ code: 'bare-line-break', line, cell: cells.length - 1 });
        index++;
        line++;
        ended = true;
      }
    }
    yield { cells, line: startLine };
  }
}

function isBoundary(text: string, index: number, delimiter: string): boolean {
  const char = text.charAt(index);
  return char === delimiter || char === '\r' || char === '\n';
}

/** Every record of a text (a convenience for tests and small files). */
export function parseCsv(text: string, delimiter: string): { records: string[][]; problems: CsvSyntaxProblem[] } {
  const problems: CsvSyntaxProblem[] = [];
  const records = [...readCsvRecords(text, delimiter, problems)].map((record) => record.cells);
  return { records, problems };
}

/** The leading `'` of a protected text cell removed (city-export.md, "Round trip"). */
export function unprotectText(cell: string): string {
  return /^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell;
}
