import type { ReactNode } from "react";
import styles from "./Table.module.css";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned tabular figures. */
  numeric?: boolean;
  /** The row's title: on small screens it heads the card, unlabelled. */
  primary?: boolean;
}

export interface TableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  isHighlighted?: (row: Row) => boolean;
}

/** A real `<table>` with a caption; on phones every row reads as a labelled card. */
export function Table<Row>({ caption, columns, rows, rowKey, isHighlighted }: TableProps<Row>) {
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? styles.num : ""}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className={isHighlighted?.(row) ? styles.highlight : undefined}
              aria-current={isHighlighted?.(row) ? "true" : undefined}
            >
              {columns.map((column) => (
                <td
                  key={column.header}
                  data-label={column.header}
                  className={[
                    column.numeric ? styles.num : "",
                    column.primary ? styles.primary : "",
                  ].join(" ")}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
