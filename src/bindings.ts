/** The worker's bindings: none yet (the widget scripts are served by the worker itself). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Bindings {}
