declare module 'stopword' {
  /** Arabic stopwords of the stopword package. */
  export const ara: string[]
  /** English stopwords of the stopword package. */
  export const eng: string[]
}
