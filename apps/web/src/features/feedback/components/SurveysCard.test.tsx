import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEST_IDEMPOTENCY_KEY } from '~/test/idempotency';
import { graphqlError, renderRoute } from '~/test/render';
import { CreateSurveyDocument } from '../graphql/feedback.graphql';
import { ids, SURVEYS, survey, surveysMock } from '../test-fixtures';
import { SurveysCard } from './SurveysCard';

jest.mock('qrcode', () => ({
  __esModule: true,
  default: { toDataURL: jest.fn(async (url: string) => `data:image/png;base64,${btoa(url)}`) },
}));

function renderCard(mocks: unknown[]) {
  const utils = renderRoute(<SurveysCard />, { path: '/feedback', mocks: mocks as never });
  return { ...utils, user: userEvent.setup() };
}

const form = () => within(screen.getByRole('form', { name: 'New survey' }));

describe('SurveysCard', () => {
  it('lists surveys with type, question, touchpoint and attributed/anonymous', async () => {
    renderCard([surveysMock()]);
    const nps = await screen.findByRole('article', { name: 'After-visit NPS' });
    expect(within(nps).getByText('NPS')).toBeInTheDocument();
    expect(within(nps).getByText('Attributed')).toBeInTheDocument();
    expect(within(nps).getByText('“How likely are you to recommend us?”')).toBeInTheDocument();
    expect(within(nps).getByText(/No touchpoint/)).toBeInTheDocument();
    expect(within(nps).queryByRole('button', { name: 'Copy link' })).not.toBeInTheDocument();

    const csat = screen.getByRole('article', { name: 'Counter CSAT' });
    expect(within(csat).getByText('CSAT')).toBeInTheDocument();
    expect(within(csat).getByText('Anonymous')).toBeInTheDocument();
    expect(within(csat).getByText(/Touchpoint: Shop counter/)).toBeInTheDocument();
  });

  it('shows an anonymous survey’s shared link with Copy, a QR code and Print', async () => {
    const { user } = renderCard([surveysMock()]);
    const csat = await screen.findByRole('article', { name: 'Counter CSAT' });
    expect(within(csat).getByRole('textbox', { name: 'Shared link of Counter CSAT' })).toHaveValue(
      'https://rapport.test/f/shared-2',
    );
    expect(within(csat).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(
      await within(csat).findByRole('img', { name: /QR code of the Counter CSAT survey/ }),
    ).toHaveAttribute('src', expect.stringMatching(/^data:image\/png/));

    const print = jest.spyOn(window, 'print').mockImplementation(() => {
      // While printing: a copy of just this card, and the class the print rules key on.
      expect(document.documentElement).toHaveClass('fb-printing');
      const copy = document.querySelector('.fb-print-root');
      expect(copy).toHaveTextContent('How was your visit today?');
      expect(copy).toHaveTextContent('https://rapport.test/f/shared-2');
    });
    await user.click(within(csat).getByRole('button', { name: 'Print QR code' }));
    expect(print).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('afterprint'));
    expect(document.documentElement).not.toHaveClass('fb-printing');
    expect(document.querySelector('.fb-print-root')).toBeNull();
    print.mockRestore();
  });

  it('creates a survey with the validated input and shows it', async () => {
    const created = survey(3, {
      name: 'Counter CES',
      type: 'CES',
      question: 'How easy was it?',
      anonymous: true,
      touchpointId: ids.counter,
    });
    const createMock = {
      request: {
        query: CreateSurveyDocument,
        variables: {
          input: {
            idempotencyKey: TEST_IDEMPOTENCY_KEY,
            name: 'Counter CES',
            type: 'CES',
            question: 'How easy was it?',
            touchpointId: ids.counter,
            anonymous: true,
          },
        },
      },
      result: jest.fn(() => ({ data: { createSurvey: created } })),
    };
    const { user } = renderCard([surveysMock(), createMock, surveysMock([created, ...SURVEYS])]);
    await user.click(await screen.findByRole('button', { name: 'New survey' }));
    await user.type(form().getByRole('textbox', { name: /Name/ }), '  Counter CES ');
    await user.selectOptions(form().getByRole('combobox', { name: 'Type' }), 'CES');
    await user.type(form().getByRole('textbox', { name: 'Question' }), 'How easy was it?');
    await user.selectOptions(form().getByRole('combobox', { name: /Touchpoint/ }), ids.counter);
    await user.click(form().getByRole('checkbox', { name: 'Anonymous' }));
    await user.click(form().getByRole('button', { name: 'Create survey' }));

    await waitFor(() => expect(createMock.result).toHaveBeenCalledTimes(1));
    expect(await screen.findByText(/Survey “Counter CES” created/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New survey' })).not.toBeInTheDocument();
    const article = await screen.findByRole('article', { name: 'Counter CES' });
    expect(within(article).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
  });

  it('sends an attributed survey without a touchpoint by default', async () => {
    const created = survey(4, { name: 'Plain NPS', question: 'Would you recommend us?' });
    const createMock = {
      request: {
        query: CreateSurveyDocument,
        variables: {
          input: {
            idempotencyKey: TEST_IDEMPOTENCY_KEY,
            name: 'Plain NPS',
            type: 'NPS',
            question: 'Would you recommend us?',
            touchpointId: null,
            anonymous: false,
          },
        },
      },
      result: jest.fn(() => ({ data: { createSurvey: created } })),
    };
    const { user } = renderCard([surveysMock(), createMock, surveysMock([created, ...SURVEYS])]);
    await user.click(await screen.findByRole('button', { name: 'New survey' }));
    await user.type(form().getByRole('textbox', { name: /Name/ }), 'Plain NPS');
    await user.type(form().getByRole('textbox', { name: 'Question' }), 'Would you recommend us?');
    await user.click(form().getByRole('button', { name: 'Create survey' }));
    await waitFor(() => expect(createMock.result).toHaveBeenCalledTimes(1));
  });

  it('validates before sending: empty name and question get messages, nothing is sent', async () => {
    const createMock = {
      request: { query: CreateSurveyDocument, variables: () => true },
      result: jest.fn(() => ({ data: { createSurvey: survey(9) } })),
    };
    const { user } = renderCard([surveysMock(), createMock]);
    await user.click(await screen.findByRole('button', { name: 'New survey' }));
    await user.click(form().getByRole('button', { name: 'Create survey' }));

    const name = form().getByRole('textbox', { name: /Name/ });
    const question = form().getByRole('textbox', { name: 'Question' });
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(question).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    expect(createMock.result).not.toHaveBeenCalled();

    await user.type(name, 'x');
    expect(name).not.toHaveAttribute('aria-invalid');
  });

  it('shows the API’s field errors beside the field', async () => {
    const createMock = {
      request: { query: CreateSurveyDocument, variables: () => true },
      result: {
        errors: [
          graphqlError('BAD_USER_INPUT', 'Some details need fixing.', { touchpointId: 'Unknown touchpoint' }),
        ],
      },
    };
    const { user } = renderCard([surveysMock(), createMock]);
    await user.click(await screen.findByRole('button', { name: 'New survey' }));
    await user.type(form().getByRole('textbox', { name: /Name/ }), 'A');
    await user.type(form().getByRole('textbox', { name: 'Question' }), 'B?');
    await user.selectOptions(form().getByRole('combobox', { name: /Touchpoint/ }), ids.delivery);
    await user.click(form().getByRole('button', { name: 'Create survey' }));
    expect(await form().findByText('Unknown touchpoint')).toBeInTheDocument();
    expect(form().getByRole('combobox', { name: /Touchpoint/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('has an empty state that opens the form, and an error state with a retry', async () => {
    const { user, unmount } = renderCard([surveysMock([])]);
    await user.click(await screen.findByRole('button', { name: 'Create your first survey' }));
    expect(screen.getByRole('form', { name: 'New survey' })).toBeInTheDocument();
    unmount();

    renderCard([
      {
        request: { query: surveysMock().request.query },
        result: { errors: [graphqlError('INTERNAL_SERVER_ERROR', 'boom')] },
      },
      surveysMock(),
    ]);
    expect(await screen.findByText('Could not load surveys')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'After-visit NPS' })).toBeInTheDocument();
  });
});
