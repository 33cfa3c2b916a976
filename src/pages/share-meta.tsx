import type { Theme } from '../../widget/card-model'
import { imageFile, type CatalogueCard } from '../card/catalogue'

/** og:image and twitter:image: the share image (1200×630) of this card, and its alt text. */
export function ShareMeta({ card, theme, origin }: { card: CatalogueCard; theme: Theme; origin: string }) {
  const file = imageFile(card, 'share', theme)
  const url = origin + file.path
  const alt = card.alt.share
  return (
    <>
      <meta property="og:image" content={url} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content={String(file.width)} />
      <meta property="og:image:height" content={String(file.height)} />
      <meta property="og:image:alt" content={alt} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:image" content={url} />
      <meta name="twitter:image:alt" content={alt} />
    </>
  )
}
