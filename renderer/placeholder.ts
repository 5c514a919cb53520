// Removed when the first renderer module lands (keeps tsc -p renderer from failing on no inputs).
export {};
