"use client";

import { Select } from "@/components/ui/field";
import { timeZoneChoices, zoneLabel } from "@/lib/domain/teams/time-zones";

/** The common time zones (and the current one), named by their city. */
export function TimeZoneSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
}) {
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {timeZoneChoices(value).map((zone) => (
        <option key={zone} value={zone}>
          {zoneLabel(zone)}
        </option>
      ))}
    </Select>
  );
}
