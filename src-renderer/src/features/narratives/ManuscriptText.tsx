import { useMemo } from 'react'
import { toBlocks } from './manuscript'

/** Manuscript text set for reading: serif, a comfortable measure, indented paragraphs. */
export function ManuscriptText({ text, testId }: { text: string; testId?: string }) {
  const blocks = useMemo(() => toBlocks(text), [text])
  return (
    <div className="prose" data-testid={testId}>
      {blocks.map((block, index) => {
        if (block.kind === 'break') return <hr key={index} className="prose__break" />
        if (block.kind === 'heading') {
          const Heading = block.level === 2 ? 'h2' : 'h3'
          return <Heading key={index}>{block.text}</Heading>
        }
        return <p key={index}>{block.text}</p>
      })}
    </div>
  )
}
