/** Prism start-up lives with the contract engine (which ships in the package); scripts reuse it. */
export {
  DEFAULT_PRISM_SEED,
  PrismMissingError,
  freePort,
  startPrism,
  type PrismHandle,
  type PrismOptions,
} from '../../contract-tests/prism.js';
