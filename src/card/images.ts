// The card's PNGs, drawn at build time (scripts/images.mjs) into dist/public/img under
// content-hashed names; dist/images.json maps a card's parameters to its files.
import images from '../../dist/images.json'
import type { Lang, Theme, Variant } from '../../widget/card-model'
import { imageFileKey } from '../../widget/snippets'
import { cardConfig } from '../data'

export const SHAPES = ['card', 'share'] as const
export type Shape = (typeof SHAPES)[number]

export interface ImageFile {
  /** /img/<shape>-<hash>.png, immutable. */
  path: string
  /** CSS px: what <img width height> and og:image:width say. The file has SCALE[shape] × as many pixels each way. */
  width: number
  height: number
}

/** The card is drawn at 2× device pixels (sharp on high-density screens and paper); the share image at 1×. */
export const SCALE: Record<Shape, number> = { card: 2, share: 1 }

const files = images as Record<Shape, Record<string, ImageFile>>

/** The file of one card in one shape. An image cannot follow prefers-color-scheme: auto is light. */
export function imageFile(shape: Shape, lang: Lang, variant: Variant, fact: string | undefined, theme: Theme): ImageFile {
  const key = imageFileKey(lang, theme == 'dark' ? 'dark' : 'light', variant, variant == 'stat' ? (fact ?? cardConfig.statDefault) : undefined)
  const file = files[shape][key]
  if (!file) throw new Error(`dist/images.json has no ${shape} image for ${key}: run npm run build`)
  return file
}

/** The strong ETag of a file: its name carries the hash of its bytes. */
export const imageEtag = (file: ImageFile) => `"${file.path.replace(/^.*-|\.png$/g, '')}"`
