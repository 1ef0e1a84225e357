import { describe, expect, it } from 'vitest';
import {
  decodeCsvBytes,
  detectDelimiter,
  ImportFileError,
  parseCsvText,
  readCsvFile,
  type ParseProgress,
} from '../../../shared/import';
import { bytesOf, fixture } from './helpers';

function fileError(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

describe('encoding', () => {
  it('reads the Windows-1252 fixture with its accents, œ, Œ and ·, and says it fell back', () => {
    const parsed = readCsvFile(fixture('inscriptions-formulaire-cp1252.csv'));
    expect(parsed).toMatchObject({ encoding: 'windows-1252', fellBackToWindows1252: true, hadBom: false });
    expect(parsed.header[1]).toBe('Prénom');
    expect(parsed.header[7]).toBe("J'accepte que mes coordonnées soient transmises à la Ville de Paris");
    const cells = parsed.rows.map((row) => row.cells);
    expect(cells[0]?.slice(0, 2)).toEqual(['DUPONT', 'Hélène']);
    expect(cells[0]?.[6]).toBe('Animateur·rice Fresque du Climat');
    expect(cells.find((row) => row[0] === 'BŒUF')?.[1]).toBe('Gaëtan');
    expect(cells.find((row) => row[0] === 'Œuvray')?.[1]).toBe('Cœlia');
    expect(cells.find((row) => row[1] === 'Æsa')?.[2]).toBe('æsa.faure@exemple.fr');
  });

  it('reads UTF-8 with a BOM (removed) and without one', () => {
    const bom = readCsvFile(fixture('inscriptions-tableur-utf8-bom.csv'));
    expect(bom).toMatchObject({ encoding: 'utf-8', hadBom: true, fellBackToWindows1252: false });
    expect(bom.header[0]).toBe('Nom');
    expect(bom.rows.find((row) => row.cells[1] === 'Sofiane')?.cells[0]).toBe('Nguyễn');
    const plain = readCsvFile(fixture('inscriptions-google-forms.csv'));
    expect(plain).toMatchObject({ encoding: 'utf-8', hadBom: false, fellBackToWindows1252: false });
    expect(plain.header[0]).toBe('Horodateur');
  });

  it('decodes every Windows-1252 byte of 0x80–0x9F as the standard says (Node’s own decoder does not)', () => {
    const decoded = decodeCsvBytes(new Uint8Array([0x4e, 0x3b, 0x80, 0x8c, 0x9c, 0x92, 0x96, 0xe9, 0x0a]));
    expect(decoded.text).toBe('N;€Œœ’–é\n');
    expect(decoded.encoding).toBe('windows-1252');
  });
});

describe('delimiter', () => {
  it.each([
    ['inscriptions-formulaire-cp1252.csv', ';', 9],
    ['inscriptions-tableur-utf8-bom.csv', ';', 9],
    ['inscriptions-google-forms.csv', ',', 10],
    ['deux-colonnes-point-virgule.csv', ';', 2],
  ])('%s is split on %j into %i columns', (name, delimiter, columns) => {
    const parsed = readCsvFile(fixture(name));
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.header).toHaveLength(columns);
    expect(parsed.rows.every((row) => row.cells.length === columns)).toBe(true);
  });

  it('is not fooled by commas inside cells of a two-column `;` file', () => {
    const text = 'prenom;nom\nAnne, dite Annie;Dupont\nJean;Martin, Durand\nLéa;Roux, Petit\n';
    expect(detectDelimiter(text)).toMatchObject({ delimiter: ';', consistency: 1, columns: 2 });
  });

  it('ignores delimiters inside quotes, and finds TAB', () => {
    expect(detectDelimiter('a,b,c\n"x;y;z",2,3\n"1;2",";",4\n').delimiter).toBe(',');
    expect(detectDelimiter('Nom\tPrénom\nRoux\tLéa, Anne\nBlanc\tNoël; Marc\n').delimiter).toBe('\t');
  });

  it('can be forced', () => {
    expect(parseCsvText('a,b;c\n1,2;3\n', { delimiter: ',' }).header).toEqual(['a', 'b;c']);
  });
});

describe('records', () => {
  it('keeps a quoted cell with a line break and a `;` in one cell, and counts physical lines', () => {
    const parsed = readCsvFile(fixture('inscriptions-formulaire-cp1252.csv'));
    const durand = parsed.rows.find((row) => row.cells[2] === 'pas-une-adresse');
    expect(durand?.cells[8]).toBe('Disponible le week-end;\npas en semaine');
    expect(durand?.line).toBe(29);
    expect(parsed.rows.map((row) => row.line).slice(-3)).toEqual([31, 32, 33]);
    expect(parsed.rows).toHaveLength(31);
  });

  it('reads CRLF, LF, CR and a mix alike', () => {
    const rows = [
      ['Nom', 'Prénom'],
      ['Roux', 'Léa'],
      ['Blanc', 'Noël'],
      ['Petit', 'Agnès'],
    ];
    for (const breaks of [['\r\n'], ['\n'], ['\r'], ['\r\n', '\n', '\r']]) {
      const text = rows.map((row, i) => row.join(';') + breaks[i % breaks.length]).join('');
      const parsed = parseCsvText(text);
      expect(parsed.header).toEqual(['Nom', 'Prénom']);
      expect(parsed.rows.map((row) => [row.line, ...row.cells])).toEqual([
        [2, 'Roux', 'Léa'],
        [3, 'Blanc', 'Noël'],
        [4, 'Petit', 'Agnès'],
      ]);
    }
  });

  it('skips blank lines and lines of empty cells, keeping the line numbers of the others', () => {
    const parsed = parseCsvText('Nom;Prénom\n\nRoux;Léa\n;\n  ;  \nBlanc;Noël\n');
    expect(parsed.rows.map((row) => [row.index, row.line, row.cells[0]])).toEqual([
      [0, 3, 'Roux'],
      [1, 6, 'Blanc'],
    ]);
  });

  it('reports progress up to the whole text', () => {
    const text = 'Nom;Prénom\n' + Array.from({ length: 2_500 }, (_unused, i) => `Nom${i};Prénom${i}`).join('\n');
    const progress: ParseProgress[] = [];
    const parsed = parseCsvText(text, { onProgress: (p) => progress.push(p), progressEvery: 1_000 });
    expect(parsed.rows).toHaveLength(2_500);
    expect(progress.map((p) => p.rows)).toEqual([1_000, 2_000, 2_501]);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)?.total });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
  });
});

describe('files that cannot be read', () => {
  it('an empty file, or one of blanks and a BOM, on line 1', () => {
    for (const bytes of [new Uint8Array(), bytesOf('\uFEFF'), bytesOf(' \r\n\r\n ')]) {
      const error = fileError(() => readCsvFile(bytes));
      expect(error).toMatchObject({ code: 'empty_file', line: 1 });
      expect(error.fr).toMatch(/vide/);
      expect(error.en).toMatch(/empty/);
    }
  });

  it('a binary file (NUL bytes), with the line of the first one', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(fileError(() => readCsvFile(png))).toMatchObject({ code: 'not_text', line: 3 });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x4e, 0x00, 0x6f, 0x00]);
    expect(fileError(() => readCsvFile(utf16))).toMatchObject({ code: 'not_text', line: 1 });
    const late = bytesOf('Nom;Prénom\nRoux;Léa\nBlanc;\u0000Noël\n');
    const error = fileError(() => readCsvFile(late));
    expect(error).toMatchObject({ code: 'not_text', line: 3 });
    expect(error.fr).toMatch(/ligne 3/);
    expect(error.en).toMatch(/line 3/);
  });

  it('text full of control characters is not text either', () => {
    const noise = bytesOf('a;b\n' + '\u0001\u0002\u0003x'.repeat(20));
    expect(fileError(() => readCsvFile(noise))).toMatchObject({ code: 'not_text', line: 2 });
  });

  it('an unterminated quote, with the line where it opens', () => {
    const text = 'Nom;Prénom;Commentaire\nRoux;Léa;"fermé\nsur deux lignes"\nBlanc;Noël;"jamais fermé\nPetit;Agnès;\n';
    const error = fileError(() => parseCsvText(text));
    expect(error).toMatchObject({ code: 'unterminated_quote', line: 4 });
    expect(error.fr).toBe('Un guillemet ouvert ligne 4 n’est jamais refermé : corrigez cette cellule puis réessayez.');
    expect(error.en).toMatch(/line 4 is never closed/);
    expect(error.toProblem()).toEqual({ code: 'unterminated_quote', line: 4, fr: error.fr, en: error.en });
  });

  it('a header without rows', () => {
    expect(fileError(() => parseCsvText('Nom;Prénom\r\n'))).toMatchObject({ code: 'no_rows', line: 2 });
  });
});
