import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Errors the API raises on purpose (a wrong password, a refused operation, NOT_FOUND, CONFLICT…) go
 * back to graphql-js as they are: without this, Nest's ExceptionsHandler logs each one at error
 * level as if it were a fault. Anything else still reaches `formatError`, which logs it.
 */
@Catch(GraphQLError)
export class ExpectedErrorsFilter implements GqlExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}
