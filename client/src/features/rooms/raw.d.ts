/** Vite's `?raw` imports (the guide is bundled as text). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
