declare module '@echogarden/pffft-wasm/simd' {
  /** Emscripten module factory of PFFFT compiled to WASM with SIMD. */
  export interface PffftModule {
    HEAPF32: Float32Array;
    _pffft_new_setup(size: number, transform: number): number;
    _pffft_destroy_setup(setup: number): void;
    _pffft_transform_ordered(
      setup: number,
      input: number,
      output: number,
      work: number,
      direction: number,
    ): void;
    _pffft_aligned_malloc(bytes: number): number;
    _pffft_aligned_free(pointer: number): void;
  }
  const factory: () => Promise<PffftModule>;
  export default factory;
}
