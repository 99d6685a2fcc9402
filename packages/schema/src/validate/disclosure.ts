/**
 * Which suppressed numbers of a breakdown the others give away. A total is the sum of each complete set of categories
 * of a dimension — female and male (with the other sexes given), `<18` `18-24` `25+`, `<25` `25+`, … — for each
 * category of the other dimension: `female` = `female <25` + `female 25+`. The numbers of a slice of a group (its
 * total, its parts by sex, by age group and by both) are unknowns where they are hidden, suppressed or not given, and
 * these sums are equations among them: a suppressed number is given away when the equations determine it from the
 * numbers shown. The equations are brought to reduced row echelon form over the unknowns, in whole numbers: an
 * unknown is determined when a row holds it alone, and the numbers shown in that row are the figures that give it away.
 * No count is below 0, nor a proportion's numerator above its denominator: the interval of each unknown is narrowed
 * by every equation, those of the sums and those of the echelon form, until none narrows more, and a suppressed number
 * left one whole value is given away too (100 % of 40 people, by sex: each sex is all of its denominator), by the
 * figures and denominators that moved the ends of its interval.
 * A slice has at most 42 numbers and 31 equations, and only slices with a suppressed number are solved; only those with
 * one the sums leave open are narrowed.
 */
/**
 * Dimensions whose categories can be added up: their categories, the sets of them that do not overlap
 * (age groups do: `<25` holds `<18` and `18-24`), and the sets that cover everybody in the total.
 */
export interface Partition {
  categories: readonly string[];
  /** Sets of categories (by index) that do not overlap: the parts of one of them add up to at most the total. */
  disjoint: readonly (readonly number[])[];
  /** Sets of categories that make a breakdown complete: with all of them given, the parts add up to the total. */
  complete: readonly (readonly number[])[];
}

export const partitions: Record<'sex' | 'ageGroup', Partition> = {
  // Female and male make a breakdown by sex complete where the others are not recorded; given, they are added too.
  sex: { categories: ['female', 'male', 'transgender', 'other', 'unknown'], disjoint: [[0, 1, 2, 3, 4]], complete: [[0, 1]] },
  ageGroup: {
    categories: ['<18', '18-24', '<25', '25+', '25-49', '50+'],
    disjoint: [[0, 1, 4, 5], [0, 1, 3], [2, 4, 5], [2, 3]],
    complete: [[0, 1, 4, 5], [0, 1, 3], [2, 4, 5], [2, 3]],
  },
};

/** The dimensions an equation adds up: a bit each. */
export const BY_SEX = 1;
export const BY_AGE = 2;

/** Age groups (by index) that are the sum of others: `<25` of `<18` and `18-24`, `25+` of `25-49` and `50+`. */
const NESTED = [
  [2, 0, 1],
  [3, 4, 5],
];

const SEXES = partitions.sex.categories.length;
const AGES = partitions.ageGroup.categories.length;
/** Places in the lattice of a slice: (sex + 1) × (ages + 1) + age + 1, the total of a dimension being −1. */
const PLACES = (SEXES + 1) * (AGES + 1);

/** The cells of a slice: each one's sex and age group (indices among the categories, −1 for the total), count, whether suppressed. */
export interface SliceCells {
  sex: readonly number[];
  age: readonly number[];
  /** The count, NaN when it is hidden or not given. */
  count: readonly number[];
  suppressed: readonly boolean[];
  /** The most the count can be: its denominator where it is a proportion's numerator, else NaN. */
  bound: readonly number[];
}

/**
 * A suppressed cell that the numbers shown give away: its index, the cells whose numbers do, the cells whose
 * denominators bound it with them (none where the sums alone give it away), and the dimensions they add up by (those
 * whose categories differ among the cell, its figures and its bounds).
 */
export interface Disclosure {
  cell: number;
  figures: number[];
  bounds: number[];
  dimensions: number;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Divides a row by the greatest common divisor of its entries. */
function normalise(row: Float64Array): void {
  let divisor = 0;
  for (const entry of row) if (entry !== 0) divisor = gcd(divisor, entry);
  if (divisor > 1) for (let i = 0; i < row.length; i++) row[i] = row[i]! / divisor;
}

/**
 * The suppressed cells of a slice (one group, one population or none) that its additive relations determine from
 * the numbers shown, in the order of the cells. Of two cells of one place of the lattice (an observation known outside
 * the data beside one of the data), the first is taken. Absent cells are unknown numbers, but for the sexes other than female and male that the
 * slice does not give: they are taken to be none, as a breakdown by female and male is complete without them.
 */
export function disclosures(cells: SliceCells): Disclosure[] {
  const n = cells.sex.length;
  const cellAt = new Int32Array(PLACES).fill(-1);
  let anySuppressed = false;
  /** Sexes given beyond female and male (bits), which then take part in the sums by sex. */
  let otherSexes = 0;
  for (let i = 0; i < n; i++) {
    const sex = cells.sex[i]!;
    const place = (sex + 1) * (AGES + 1) + cells.age[i]! + 1;
    if (cellAt[place] !== -1) continue;
    cellAt[place] = i;
    if (sex >= 2) otherSexes |= 1 << sex;
    if (cells.suppressed[i]) anySuppressed = true;
  }
  if (!anySuppressed) return [];
  const members = [0, 1];
  for (let sex = 2; sex < SEXES; sex++) if ((otherSexes & (1 << sex)) !== 0) members.push(sex);
  const sexes = [-1, ...members];
  // Columns: the unknown places first, then the cells shown.
  const column = new Int32Array(PLACES).fill(-1);
  const unknownPlaces: number[] = [];
  const shownCells: number[] = [];
  for (const sex of sexes) {
    for (let age = -1; age < AGES; age++) {
      const place = (sex + 1) * (AGES + 1) + age + 1;
      const cell = cellAt[place]!;
      if (cell < 0 || Number.isNaN(cells.count[cell]!)) column[place] = unknownPlaces.push(place) - 1;
    }
  }
  const unknowns = unknownPlaces.length;
  for (const sex of sexes) {
    for (let age = -1; age < AGES; age++) {
      const place = (sex + 1) * (AGES + 1) + age + 1;
      if (column[place] === -1) column[place] = unknowns + shownCells.push(cellAt[place]!) - 1;
    }
  }
  const width = unknowns + shownCells.length;
  // The equations, a row of `width` whole numbers each; those without an unknown tell nothing and are left out.
  let matrix = new Float64Array(width * 31);
  let rows = 0;
  const equation = (whole: number, parts: readonly number[]) => {
    const at = rows * width;
    matrix[at + column[whole]!] = 1;
    let unknown = column[whole]! < unknowns;
    for (const part of parts) {
      matrix[at + column[part]!]! -= 1;
      if (column[part]! < unknowns) unknown = true;
    }
    if (unknown) rows++;
    else matrix.fill(0, at, at + width);
  };
  const sums = () => {
    for (let age = -1; age < AGES; age++) equation(age + 1, members.map((sex) => (sex + 1) * (AGES + 1) + age + 1));
    for (const sex of sexes) {
      const base = (sex + 1) * (AGES + 1);
      for (const set of partitions.ageGroup.complete) equation(base, set.map((age) => base + age + 1));
    }
  };
  sums();
  // Reduced row echelon form over the unknown columns, in whole numbers: a pivot row has nothing before its pivot.
  let rank = 0;
  const pivots: number[] = [];
  const swap = new Float64Array(width);
  for (let col = 0; col < unknowns && rank < rows; col++) {
    let pivot = rank;
    while (pivot < rows && matrix[pivot * width + col] === 0) pivot++;
    if (pivot === rows) continue;
    const top = rank * width;
    if (pivot !== rank) {
      swap.set(matrix.subarray(top, top + width));
      matrix.copyWithin(top, pivot * width, pivot * width + width);
      matrix.set(swap, pivot * width);
    }
    const scale = matrix[top + col]!;
    for (let r = 0; r < rows; r++) {
      const at = r * width;
      const factor = matrix[at + col]!;
      if (r === rank || factor === 0) continue;
      let largest = 0;
      for (let c = 0; c < width; c++) {
        // Nothing of the pivot row before its pivot.
        const entry = c < col ? scale * matrix[at + c]! : scale * matrix[at + c]! - factor * matrix[top + c]!;
        matrix[at + c] = entry;
        if (entry > largest) largest = entry;
        else if (-entry > largest) largest = -entry;
      }
      // Whole numbers, exact far below 2^53: the entries of these sums stay small (below 4 in a full slice), and a row
      // is divided by its common factor once one is larger than 2^10.
      if (largest > 2 ** 10) normalise(matrix.subarray(at, at + width));
    }
    pivots.push(col);
    rank++;
  }
  const found: Disclosure[] = [];
  for (let r = 0; r < rank; r++) {
    const row = matrix.subarray(r * width, r * width + width);
    const col = pivots[r]!;
    let alone = true;
    for (let c = col + 1; c < unknowns && alone; c++) if (row[c] !== 0) alone = false;
    if (!alone) continue;
    const cell = cellAt[unknownPlaces[col]!]!;
    if (cell < 0 || !cells.suppressed[cell]) continue;
    const figures: number[] = [];
    for (let c = unknowns; c < width; c++) if (row[c] !== 0) figures.push(shownCells[c - unknowns]!);
    found.push(disclosure(cells, cell, figures, []));
  }
  /** The cell of a column: −1 for a place the slice does not give. */
  const cellOf = (column: number) => (column < unknowns ? cellAt[unknownPlaces[column]!]! : shownCells[column - unknowns]!);
  const open: number[] = [];
  for (let col = 0; col < unknowns; col++) {
    const cell = cellOf(col);
    if (cell >= 0 && cells.suppressed[cell] && !found.some((disclosed) => disclosed.cell === cell)) open.push(col);
  }
  if (open.length > 0) {
    // Each row of the echelon form, each sum and each of nested age groups (which follow from the sums, but written out
    // narrow more: <18 ≤ <25 − 18-24) is true of the true numbers, and narrows their intervals: at most 31 + 31 + 12.
    const echelon = matrix.subarray(0, rows * width);
    matrix = new Float64Array(width * 74);
    matrix.set(echelon);
    sums();
    for (const sex of sexes) {
      const base = (sex + 1) * (AGES + 1) + 1;
      for (const [whole, ...parts] of NESTED) equation(base + whole!, parts.map((age) => base + age));
    }
    const equations = matrix.subarray(0, rows * width);
    const least = new Float64Array(width);
    const most = new Float64Array(width);
    // Why each end of an interval is where it is: bits 0 to width − 1 the counts shown, width onwards the bounds.
    const words = Math.ceil((2 * width) / 32);
    const reasons = new Uint32Array(2 * width * words);
    for (let c = 0; c < width; c++) {
      const cell = cellOf(c);
      const bounded = cell >= 0 && cells.bound[cell]! >= 0;
      least[c] = c < unknowns ? 0 : cells.count[cell]!;
      most[c] = c < unknowns ? (bounded ? Math.floor(cells.bound[cell]!) : Infinity) : cells.count[cell]!;
      const reason = c < unknowns ? (bounded ? width + c : -1) : c;
      if (reason >= 0) {
        reasons[(2 * c + 1) * words + (reason >>> 5)] = 1 << (reason & 31);
        if (c >= unknowns) reasons[2 * c * words + (reason >>> 5)] = 1 << (reason & 31);
      }
    }
    if (narrow(equations, width, least, most, reasons, words)) {
      for (const col of open) {
        if (least[col] !== most[col]) continue;
        const figures: number[] = [];
        const bounds: number[] = [];
        for (let bit = 0; bit < 2 * width; bit++) {
          const word = (bit >>> 5) + 2 * col * words;
          if (((reasons[word]! | reasons[word + words]!) & (1 << (bit & 31))) === 0) continue;
          if (bit < width) figures.push(cellOf(bit));
          else bounds.push(cellOf(bit - width));
        }
        // With no count shown only denominators of 0 pin a number: arith.zero-denominator reports them.
        if (figures.length > 0) found.push(disclosure(cells, cellOf(col), figures, bounds));
      }
    }
  }
  return found.sort((a, b) => a.cell - b.cell);
}

/** A disclosure of a cell by its figures and bounds, which are sorted, and the dimensions they add up by. */
function disclosure(cells: SliceCells, cell: number, figures: number[], bounds: number[]): Disclosure {
  let dimensions = 0;
  for (const other of [...figures, ...bounds]) {
    if (cells.sex[other] !== cells.sex[cell]) dimensions |= BY_SEX;
    if (cells.age[other] !== cells.age[cell]) dimensions |= BY_AGE;
  }
  return { cell, figures: figures.sort((a, b) => a - b), bounds: bounds.sort((a, b) => a - b), dimensions };
}

/**
 * Sweeps over the equations at most: they narrow in a few, but numbers that contradict them could narrow on by one at
 * a time. Stopped early, the intervals still hold every value the numbers allow.
 */
const SWEEPS = 100;

/**
 * Narrows each column's interval, `least` to `most`, by equations of `width` whole numbers each (Σ row[c] · x[c] = 0):
 * each column of a row lies within what the others leave it, in whole numbers. An end that moves takes as its reasons
 * (`words` 32-bit words for each end, the least then the most of each column) those of the others' ends that moved it.
 * False when an interval is left empty: the numbers contradict the equations or bounds.
 */
function narrow(equations: Float64Array, width: number, least: Float64Array, most: Float64Array, reasons: Uint32Array, words: number): boolean {
  for (let sweep = 0, narrowed = true; narrowed && sweep < SWEEPS; sweep++) {
    narrowed = false;
    for (let at = 0; at < equations.length; at += width) {
      for (let c = 0; c < width; c++) {
        const a = equations[at + c]!;
        if (a === 0) continue;
        // a · x[c] is minus the others' sum: between `low` and `high` (no bound is −∞, so neither is NaN).
        let low = 0;
        let high = 0;
        for (let o = 0; o < width; o++) {
          const b = equations[at + o]!;
          if (o === c || b === 0) continue;
          low -= b * (b > 0 ? most[o]! : least[o]!);
          high -= b * (b > 0 ? least[o]! : most[o]!);
        }
        const lower = Math.ceil((a > 0 ? low : high) / a);
        const upper = Math.floor((a > 0 ? high : low) / a);
        for (let end = 0; end < 2; end++) {
          if (end === 0 ? lower <= least[c]! : upper >= most[c]!) continue;
          narrowed = true;
          if (end === 0) least[c] = lower;
          else most[c] = upper;
          // The lower end comes of the others' upper ends where their coefficient has the sign of this one's, and so on.
          const to = (2 * c + end) * words;
          reasons.fill(0, to, to + words);
          for (let o = 0; o < width; o++) {
            const b = equations[at + o]!;
            if (o === c || b === 0) continue;
            const from = (2 * o + (end === 0 === (a > 0 === b > 0) ? 1 : 0)) * words;
            for (let w = 0; w < words; w++) reasons[to + w]! |= reasons[from + w]!;
          }
        }
        if (least[c]! > most[c]!) return false;
      }
    }
  }
  return true;
}
