"use client";

import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  label: string;
  /** A colour readable on white (WCAG non-text contrast ≥ 3:1). */
  color: string;
}

/**
 * One statistic: a bar chart for the eye, and the same figures as a table for screen readers
 * (the chart itself is hidden from them: a picture of numbers read aloud is noise).
 */
export function ChartFigure({
  id,
  title,
  labelHeader,
  rows,
  series,
  note,
}: {
  id: string;
  title: string;
  /** What the reader must know to read the figures (e.g. what is left out). */
  note?: string;
  labelHeader: string;
  rows: { label: string; values: Record<string, number> }[];
  series: ChartSeries[];
}) {
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const height = Math.max(160, rows.length * (series.length > 1 ? 44 : 30) + 60);
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-4"
    >
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {note && <p className="text-sm text-slate-700">{note}</p>}
      <div aria-hidden="true" className="overflow-x-auto">
        <BarChart
          width={720}
          height={height}
          data={data}
          layout="vertical"
          accessibilityLayer={false}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={240} tick={{ fontSize: 12 }} />
          {series.length > 1 && <Legend />}
          {series.map((one) => (
            <Bar key={one.key} dataKey={one.key} name={one.label} fill={one.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {series.map((one) => (
              <th key={one.key} scope="col">
                {one.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {series.map((one) => (
                <td key={one.key}>{row.values[one.key] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
