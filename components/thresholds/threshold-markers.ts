import type { ChartDomain } from "./histogram-geometry";
import type { Marker } from "./marker";
import type { ThresholdForm } from "./threshold-form";

/** A typed number, or null while the field does not hold one. */
export const parseNumber = (s: string) =>
  s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : null;

export type MarkerText = {
  number: (v: number) => string;
  mqlLabel: (value: string) => string;
  mqlAria: string;
  bandAria: (band: string | number) => string;
};

/**
 * The MQL line and each band's lower edge (not the first band's: it starts at the bottom) as
 * sliders, each kept between its neighbours so bands cannot swap order while dragged.
 */
export function thresholdMarkers(
  form: ThresholdForm,
  threshold: number,
  bandValues: (number | null)[],
  domain: ChartDomain,
  text: MarkerText,
): Marker[] {
  return [
    {
      id: "mql",
      kind: "mql",
      value: threshold,
      min: domain.lo,
      max: domain.hi,
      label: text.mqlLabel(text.number(threshold)),
      ariaLabel: text.mqlAria,
    },
    ...form.bands.flatMap((b, i): Marker[] => {
      const value = bandValues[i];
      if (i === 0 || value === null) return [];
      const below = bandValues[i - 1];
      const above = bandValues[i + 1];
      return [
        {
          id: `band-${i}`,
          kind: "band",
          value,
          min: below === null ? domain.lo : below + 1,
          max: above === null || above === undefined ? domain.hi : above - 1,
          label: text.number(value),
          ariaLabel: text.bandAria(b.name || i + 1),
        },
      ];
    }),
  ];
}

/** The form with a dragged marker's new value typed in. */
export function moveMarker(form: ThresholdForm, id: string, value: number): ThresholdForm {
  if (id === "mql") return { ...form, threshold: String(value) };
  const i = Number(id.slice("band-".length));
  return {
    ...form,
    bands: form.bands.map((b, j) => (j === i ? { ...b, min: String(value) } : b)),
  };
}
