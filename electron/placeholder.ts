// Removed when the first electron module lands (keeps tsc -p electron from failing on no inputs).
export {};
