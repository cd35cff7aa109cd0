/**
 * In the browser, zod validates without compiling code: its compiled fast path first probes
 * `new Function`, which the pages' Content-Security-Policy forbids ('unsafe-eval' is not allowed)
 * and reports as a violation even though zod catches the refusal.
 */
import { z } from "zod";

z.config({ jitless: true });
