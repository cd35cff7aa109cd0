// Indexed by band position, so a band keeps its colour between the chart and the editors.
export const BAND_FILLS = [
  "fill-slate-300",
  "fill-sky-300",
  "fill-indigo-400",
  "fill-violet-500",
  "fill-fuchsia-500",
  "fill-rose-400",
];
export const BAND_SWATCHES = [
  "bg-slate-300",
  "bg-sky-300",
  "bg-indigo-400",
  "bg-violet-500",
  "bg-fuchsia-500",
  "bg-rose-400",
];
