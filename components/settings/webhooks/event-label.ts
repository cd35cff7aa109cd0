/** Message keys cannot hold dots: `lead.mql` is `eventTypes.lead_mql` (and `eventHints.lead_mql`). */
export const eventKey = (type: string) => `eventTypes.${type.replace(/\./g, "_")}` as const;
export const eventHintKey = (type: string) => `eventHints.${type.replace(/\./g, "_")}` as const;
