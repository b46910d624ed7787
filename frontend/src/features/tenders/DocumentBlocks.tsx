import { List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import type { DocumentPreview, TextRun } from '../../client/types.gen';

function Runs({ runs }: { runs: TextRun[] }): ReactNode {
  return runs.map((run, index) => (run.bold ? <strong key={index}>{run.text}</strong> : <span key={index}>{run.text}</span>));
}

/**
 * A generated document as the API structures it (headings of level 1 and 2, paragraphs, bullet
 * lists with their bold runs), shown as real headings and lists: no Markdown, no HTML injected.
 * `headingOrder` is the HTML level of the document's first-level headings on this page.
 */
export function DocumentBlocks({ preview, headingOrder = 3 }: { preview: DocumentPreview; headingOrder?: 3 | 4 }) {
  return (
    <div className="document-preview">
      {preview.blocks.map((block, index) => {
        if (block.items.length > 0)
          return (
            <List key={index} size="sm" spacing={4} mb="sm" withPadding>
              {block.items.map((item, itemIndex) => (
                <List.Item key={itemIndex}>
                  <Runs runs={item} />
                </List.Item>
              ))}
            </List>
          );
        if (block.level > 0) {
          const order = Math.min(headingOrder + block.level - 1, 6) as 3 | 4 | 5 | 6;
          return (
            <Title key={index} order={order} size={block.level === 1 ? 'h5' : 'h6'} mt={index === 0 ? 0 : 'sm'} mb={4}>
              <Runs runs={block.runs} />
            </Title>
          );
        }
        return (
          <Text key={index} size="sm" mb="xs">
            <Runs runs={block.runs} />
          </Text>
        );
      })}
    </div>
  );
}
