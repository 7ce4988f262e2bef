export interface Column<R> {
  key: string;
  label: string;
  numeric?: boolean;
  /** The row's header cell (th scope="row"): the first column by default. */
  rowHeader?: boolean;
  /** Plain text for the cell; use the table's `cell` snippet for links or markup. */
  value?: (row: R) => string;
}
