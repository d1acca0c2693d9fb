/**
 * The release key's public half, pinned in the app: update metadata signed by anything else is
 * refused before a byte of the update is downloaded. Tests never use it: their key comes from
 * the test host / test CLI in out/test (see tests/update/support/), which production never loads.
 *
 * FAIL-CLOSED PLACEHOLDER: this key was generated for the first commit and its secret half was
 * not kept, so no feed verifies against it. Whoever holds the release key replaces this value
 * with `node build/scripts/update-feed.mjs keygen` output before the first release (README,
 * "Update signing key").
 */
export const PINNED_UPDATE_PUBLIC_KEY = 'NX0UMLSNpFUXlSZHA2fKQeaRoISQceiUPFEkuQm4pdE=';
