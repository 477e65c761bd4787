/**
 * The generation worker entry. It is forked by the worker host (utilityProcess in Electron,
 * child_process in Node) and never opens the database.
 */
export {}
