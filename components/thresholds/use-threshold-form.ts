import { useEffect, useMemo, useState } from "react";
import type { useSaveDraft } from "@/components/rules/use-scoring";
import { canonical } from "@/lib/domain/scoring/diff";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { formErrors, formFromModel, modelFromForm, type ThresholdForm } from "./threshold-form";

const SAVE_DELAY_MS = 700;

/**
 * The designer's form over the saved draft: its errors, the model it stands for, whether that
 * differs from the draft, and the autosave of a valid difference once the person pauses.
 */
export function useThresholdForm(
  saved: ScoringModel | null,
  canWrite: boolean,
  mutate: ReturnType<typeof useSaveDraft>["mutate"],
) {
  const [form, setForm] = useState<ThresholdForm | null>(() =>
    saved ? formFromModel(saved) : null,
  );

  const errors = useMemo(() => (form ? formErrors(form) : {}), [form]);
  const candidate = useMemo(
    () => (saved && form ? modelFromForm(saved, form) : null),
    [saved, form],
  );
  // Compared with sorted keys: the stored draft comes back from jsonb with its keys reordered.
  const candidateText = candidate ? canonical(candidate) : null;
  const dirty = candidateText !== null && saved !== null && candidateText !== canonical(saved);

  useEffect(() => {
    if (!canWrite || !dirty || !candidate) return;
    const timer = setTimeout(() => mutate(candidate), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // candidateText stands for candidate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canWrite, dirty, candidateText, mutate]);

  return { form, setForm, errors, candidate, dirty };
}
