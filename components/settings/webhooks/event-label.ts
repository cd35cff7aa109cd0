/** Message keys cannot hold dots: `lead.mql` is `eventTypes.lead_mql`. */
export const eventKey = (type: string) => `eventTypes.${type.replace(/\./g, "_")}` as const;
