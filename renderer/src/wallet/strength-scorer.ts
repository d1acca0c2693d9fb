/**
 * zxcvbn-ts and its dictionaries (about 1.5 MB of word lists) load on first use, not with the
 * entry chunk: the unlock screen paints without them, and the strength meter and the "too weak"
 * check wait for them (a few milliseconds from the local server or app bundle).
 */
export type Scorer = (password: string, userInputs: string[]) => number;

let loading: Promise<Scorer> | null = null;

export function loadScorer(): Promise<Scorer> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, english]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...english.dictionary },
      });
      return (password, userInputs) => zxcvbn.check(password, userInputs).score;
    },
  );
  return loading;
}
