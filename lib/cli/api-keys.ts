/** API keys for other systems; the secret exists only in this command's output. */
import { parseArgs } from "node:util";
import type { z } from "zod";
import { API_SCOPES } from "@/lib/auth/scopes";
import { createApiKey, createApiKeySchema } from "@/lib/domain/api-keys/api-keys";
import { CliError, oneLine, type Command } from "./command";

export const apiKeyCommands: Record<string, Command<z.output<typeof createApiKeySchema>>> = {
  "api-keys:create": {
    summary: "Create an API key (the secret is printed once)",
    usage: `api-keys:create --name NAME --scopes SCOPE[,SCOPE…]  (SCOPE: ${API_SCOPES.join(", ")})`,
    parse(args) {
      const { values } = parseArgs({
        args,
        options: { name: { type: "string" }, scopes: { type: "string" } },
        strict: true,
      });
      const parsed = createApiKeySchema.safeParse({
        name: values.name ?? "",
        scopes: (values.scopes ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      });
      if (!parsed.success)
        throw new CliError(
          oneLine(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`)),
        );
      return parsed.data;
    },
    async run(input, db) {
      const key = await createApiKey(db, input, null);
      console.log(`Created API key "${input.name}" with scopes ${input.scopes.join(", ")}.`);
      console.log("Secret (shown once, store it now):");
      console.log(key.secret);
    },
  },
};
