/** A draggable line on the histogram: the MQL threshold or a band's lower edge. */
export type Marker = {
  id: string;
  value: number;
  min: number;
  max: number;
  label: string;
  ariaLabel: string;
  kind: "mql" | "band";
};

/** Where a key press moves the marker (Shift for 10 points), or undefined when the key does nothing. */
export function keyedValue(marker: Marker, key: string, shiftKey: boolean): number | undefined {
  const big = shiftKey ? 10 : 1;
  const next = {
    ArrowRight: marker.value + big,
    ArrowUp: marker.value + big,
    ArrowLeft: marker.value - big,
    ArrowDown: marker.value - big,
    PageUp: marker.value + 10,
    PageDown: marker.value - 10,
    Home: marker.min,
    End: marker.max,
  }[key];
  if (next === undefined) return undefined;
  return Math.min(marker.max, Math.max(marker.min, next));
}
