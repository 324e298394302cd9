import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { TagInput } from './TagInput';
import { TagList } from './TagList';

function Harness({ initial = [] as string[] }) {
  const [tags, setTags] = useState(initial);
  return <TagInput label="Tags" value={tags} onChange={setTags} normalize={(t) => t.toLowerCase()} />;
}

describe('TagInput', () => {
  it('adds tags on Enter and comma, normalised and without duplicates', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('Tags');
    await userEvent.type(input, 'VIP{Enter}wholesale,vip,');
    const list = screen.getByRole('list', { name: 'Tags added' });
    expect(list).toHaveTextContent('vip');
    expect(list).toHaveTextContent('wholesale');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(input).toHaveValue('');
  });

  it('removes a tag with its button or Backspace', async () => {
    render(<Harness initial={['a', 'b', 'c']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove tag b' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    await userEvent.type(screen.getByLabelText('Tags'), '{Backspace}');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('adds what is left in the box on blur', async () => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('Tags'), 'local');
    await userEvent.tab();
    expect(screen.getByRole('list', { name: 'Tags added' })).toHaveTextContent('local');
  });
});

describe('TagList', () => {
  it('renders nothing without tags', () => {
    const { container } = render(<TagList tags={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('makes tags buttons when clickable', async () => {
    const onTagClick = jest.fn();
    render(<TagList tags={['vip']} onTagClick={onTagClick} />);
    await userEvent.click(screen.getByRole('button', { name: 'Filter by tag vip' }));
    expect(onTagClick).toHaveBeenCalledWith('vip');
  });
});
