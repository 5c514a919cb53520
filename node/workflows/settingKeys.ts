/** Keys of the library's own entries in the settings store. */

/** Set once the demo machine was made, so it is made only once in a library's life. */
export const DEMO_CREATED_KEY = 'demo.created';
/** The id of the machine that takes recovered recordings of unknown machines. */
export const RECOVERED_MACHINE_KEY = 'recovery.machineId';
