import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonWords } from "@zxcvbn-ts/language-common";
import { dictionary as englishWords } from "@zxcvbn-ts/language-en";
import { dictionary as frenchWords } from "@zxcvbn-ts/language-fr";
import { type PasswordWeakness, passwordWeakness } from "@/lib/auth/rules";

// Built once: the dictionaries are large. French and English, the portal's two languages; the
// keyboard graphs include azerty. Server-only, so that no page ships the dictionaries.
const estimator = new ZxcvbnFactory({
  dictionary: { ...commonWords, ...englishWords, ...frenchWords },
  graphs: adjacencyGraphs,
});

/** Why this password is too easy to guess (its owner's name and e-mail count as known), or null. */
export function weaknessOf(password: string, knownInputs: string[] = []): PasswordWeakness | null {
  // The estimator's cost grows with length; past 100 characters a passphrase is long enough.
  // The estimator matches whole inputs: "Ada Lovelace" and "ada@x.org" count as their words too.
  const words = knownInputs
    .flatMap((input) => [input, ...input.split(/[\s@._+-]+/)])
    .filter((word) => word.length >= 3);
  const result = estimator.check(password.slice(0, 100), words);
  return passwordWeakness(result.score, result.feedback.warning);
}
