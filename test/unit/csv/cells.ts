/** Cells for the CSV writers' tests: what a spreadsheet would run, and what it must read as it is. */

/** Each must come out with a leading apostrophe (and otherwise unchanged). */
export const HOSTILE_CELLS: readonly string[] = [
  '=1+1',
  '=HYPERLINK("http://evil.example","x")',
  '-1+HYPERLINK("http://evil.example","x")',
  "-2+3+cmd|' /C calc'!A0",
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-1e3+cmd',
  '+33 1 23 45 67 89',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\tcmd',
  ' =1+1',
  '  @SUM(A1)',
  '\u00a0=1+1',
  '\u3000+1+1',
  '＝1+1',
  '＋1+cmd',
  '－1+1',
  '＠SUM(A1)',
  ' ＝1+1',
];

/** Each must come out as it is (quoted where RFC 4180 says). */
export const BENIGN_CELLS: ReadonlyArray<string | number> = [
  '-12.5',
  '+33',
  '1,5',
  '1e3',
  '-1e+21',
  '.5',
  '-,5',
  ' -12.5',
  'Pic de l’Homme',
  "l'eau",
  'a=b',
  'e-mail',
  'cmd|x',
  '',
  -3,
  12.5,
  1e21,
];

/** Reads a CSV text back into rows of cells, strictly (RFC 4180 quoting, CRLF), for checking what a writer wrote. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && !cell) quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else if (/["\r\n]/.test(c)) throw new Error(`unquoted ${JSON.stringify(c)} at ${i}`);
    else cell += c;
  }
  if (cell || row.length) throw new Error(`the CSV does not end with CRLF: ${JSON.stringify(text.slice(-20))}`);
  return rows;
}
