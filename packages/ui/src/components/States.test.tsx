import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormError } from './Alert';
import { initials } from './Avatar';
import { EmptyState, ErrorState, LoadingState } from './States';

describe('states', () => {
  it('announces loading politely', () => {
    render(<LoadingState label="Loading customers…" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading customers…');
  });

  it('shows an error with a retry button', async () => {
    const onRetry = jest.fn();
    render(<ErrorState title="Could not load customers" onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load customers');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('shows an empty state with its action', () => {
    render(<EmptyState title="No customers yet" action={<button type="button">Add customer</button>} />);
    expect(screen.getByText('No customers yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add customer' })).toBeInTheDocument();
  });

  it('renders a form error only with a message', () => {
    const { rerender } = render(<FormError message={null} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    rerender(<FormError message="Email or password is wrong" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Email or password is wrong');
  });
});

describe('initials', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['cher', 'C'],
    ['  Jean  Paul   Sartre ', 'JS'],
    ['', '?'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
