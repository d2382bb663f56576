// One type per resource: every place the spec shows a resource (each operation's answer and each
// webhook payload, listed by test/openapi/resource-places.test.ts) is assignable to its named type.
import { expectTypeOf, it } from 'vitest';
import type {
  CheckoutElement,
  Discount,
  DiscountsCreateResponse,
  DiscountsGetResponse,
  DiscountsListResponse,
  DiscountsUpdateResponse,
  ElementsCheckoutCreateResponse,
  Item,
  Offer,
  OffersCreateResponse,
  OffersGetResponse,
  OffersListResponse,
  OffersUpdateResponse,
  Order,
  OrdersCancelResponse,
  OrdersGetResponse,
  OrdersListResponse,
  OrdersUpdateResponse,
  Payment,
  PaymentsGetResponse,
  PaymentsListResponse,
  Product,
  ProductsDuplicateResponse,
  ProductsGetResponse,
  ProductsListResponse,
  ProductsPlansUpdateResponse,
  Subscription,
  SubscriptionsChargeResponse,
  SubscriptionsCreateResponse,
  SubscriptionsGetResponse,
  SubscriptionsListResponse,
  User,
  UsersCreateResponse,
  UsersGetResponse,
  UsersInventoryResponse,
  UsersUpdateResponse,
  Variant,
  WebhookEventOf,
} from '../../src/index.js';

/** One step into a value: a property, or `[]` for an array's items, null and undefined removed. */
type Step<T, K extends string> = K extends '[]'
  ? NonNullable<T> extends readonly (infer I)[]
    ? I
    : never
  : K extends keyof NonNullable<T>
    ? NonNullable<T>[K]
    : never;
/** The value at a path (`['order', 'user']`), never null: a path that does not exist is `never`, which each place rules out first. */
type At<T, P extends readonly string[]> = P extends readonly [infer H extends string, ...infer R extends string[]]
  ? At<Step<T, H>, R>
  : NonNullable<T>;

it('assigns every place a resource appears to its one type', () => {
  // GetV0DiscountsDiscountId data.discount
  expectTypeOf<At<DiscountsGetResponse, ['discount']>>().not.toBeNever();
  expectTypeOf<At<DiscountsGetResponse, ['discount']>>().toExtend<Discount>();
  // PatchV0DiscountsDiscountIdUpdate data.discount
  expectTypeOf<At<DiscountsUpdateResponse, ['discount']>>().not.toBeNever();
  expectTypeOf<At<DiscountsUpdateResponse, ['discount']>>().toExtend<Discount>();
  // PostV0DiscountsCreate data.discount
  expectTypeOf<At<DiscountsCreateResponse, ['discount']>>().not.toBeNever();
  expectTypeOf<At<DiscountsCreateResponse, ['discount']>>().toExtend<Discount>();
  // GetV0DiscountsList data.discounts[]
  expectTypeOf<At<DiscountsListResponse, ['discounts', '[]']>>().not.toBeNever();
  expectTypeOf<At<DiscountsListResponse, ['discounts', '[]']>>().toExtend<Discount>();
  // GetV0OrdersOrderIdOrNumber data.order
  expectTypeOf<At<OrdersGetResponse, ['order']>>().not.toBeNever();
  expectTypeOf<At<OrdersGetResponse, ['order']>>().toExtend<Order>();
  // GetV0OrdersOrderIdOrNumber data.order.user
  expectTypeOf<At<OrdersGetResponse, ['order', 'user']>>().not.toBeNever();
  expectTypeOf<At<OrdersGetResponse, ['order', 'user']>>().toExtend<User>();
  // GetV0OrdersOrderIdOrNumber data.order.lastPayment
  expectTypeOf<At<OrdersGetResponse, ['order', 'lastPayment']>>().not.toBeNever();
  expectTypeOf<At<OrdersGetResponse, ['order', 'lastPayment']>>().toExtend<Payment>();
  // GetV0OrdersOrderIdOrNumber data.order.subscription
  expectTypeOf<At<OrdersGetResponse, ['order', 'subscription']>>().not.toBeNever();
  expectTypeOf<At<OrdersGetResponse, ['order', 'subscription']>>().toExtend<Subscription>();
  // GetV0OrdersOrderIdOrNumber data.subscription
  expectTypeOf<At<OrdersGetResponse, ['subscription']>>().not.toBeNever();
  expectTypeOf<At<OrdersGetResponse, ['subscription']>>().toExtend<Subscription>();
  // PatchV0OrdersOrderIdOrNumberCancel data.order
  expectTypeOf<At<OrdersCancelResponse, ['order']>>().not.toBeNever();
  expectTypeOf<At<OrdersCancelResponse, ['order']>>().toExtend<Order>();
  // PatchV0OrdersOrderIdOrNumberCancel data.order.user
  expectTypeOf<At<OrdersCancelResponse, ['order', 'user']>>().not.toBeNever();
  expectTypeOf<At<OrdersCancelResponse, ['order', 'user']>>().toExtend<User>();
  // PatchV0OrdersOrderIdOrNumberCancel data.order.lastPayment
  expectTypeOf<At<OrdersCancelResponse, ['order', 'lastPayment']>>().not.toBeNever();
  expectTypeOf<At<OrdersCancelResponse, ['order', 'lastPayment']>>().toExtend<Payment>();
  // PatchV0OrdersOrderIdOrNumberCancel data.order.subscription
  expectTypeOf<At<OrdersCancelResponse, ['order', 'subscription']>>().not.toBeNever();
  expectTypeOf<At<OrdersCancelResponse, ['order', 'subscription']>>().toExtend<Subscription>();
  // PatchV0OrdersOrderIdOrNumberUpdate data.order
  expectTypeOf<At<OrdersUpdateResponse, ['order']>>().not.toBeNever();
  expectTypeOf<At<OrdersUpdateResponse, ['order']>>().toExtend<Order>();
  // PatchV0OrdersOrderIdOrNumberUpdate data.order.user
  expectTypeOf<At<OrdersUpdateResponse, ['order', 'user']>>().not.toBeNever();
  expectTypeOf<At<OrdersUpdateResponse, ['order', 'user']>>().toExtend<User>();
  // PatchV0OrdersOrderIdOrNumberUpdate data.order.lastPayment
  expectTypeOf<At<OrdersUpdateResponse, ['order', 'lastPayment']>>().not.toBeNever();
  expectTypeOf<At<OrdersUpdateResponse, ['order', 'lastPayment']>>().toExtend<Payment>();
  // PatchV0OrdersOrderIdOrNumberUpdate data.order.subscription
  expectTypeOf<At<OrdersUpdateResponse, ['order', 'subscription']>>().not.toBeNever();
  expectTypeOf<At<OrdersUpdateResponse, ['order', 'subscription']>>().toExtend<Subscription>();
  // GetV0OrdersList data.orders[]
  expectTypeOf<At<OrdersListResponse, ['orders', '[]']>>().not.toBeNever();
  expectTypeOf<At<OrdersListResponse, ['orders', '[]']>>().toExtend<Order>();
  // GetV0OrdersList data.orders[].user
  expectTypeOf<At<OrdersListResponse, ['orders', '[]', 'user']>>().not.toBeNever();
  expectTypeOf<At<OrdersListResponse, ['orders', '[]', 'user']>>().toExtend<User>();
  // GetV0PaymentsPaymentId data.payment
  expectTypeOf<At<PaymentsGetResponse, ['payment']>>().not.toBeNever();
  expectTypeOf<At<PaymentsGetResponse, ['payment']>>().toExtend<Payment>();
  // GetV0PaymentsPaymentId data.payment.user
  expectTypeOf<At<PaymentsGetResponse, ['payment', 'user']>>().not.toBeNever();
  expectTypeOf<At<PaymentsGetResponse, ['payment', 'user']>>().toExtend<User>();
  // GetV0PaymentsPaymentId data.payment.order
  expectTypeOf<At<PaymentsGetResponse, ['payment', 'order']>>().not.toBeNever();
  expectTypeOf<At<PaymentsGetResponse, ['payment', 'order']>>().toExtend<Order>();
  // GetV0PaymentsList data.payments[]
  expectTypeOf<At<PaymentsListResponse, ['payments', '[]']>>().not.toBeNever();
  expectTypeOf<At<PaymentsListResponse, ['payments', '[]']>>().toExtend<Payment>();
  // GetV0PaymentsList data.payments[].user
  expectTypeOf<At<PaymentsListResponse, ['payments', '[]', 'user']>>().not.toBeNever();
  expectTypeOf<At<PaymentsListResponse, ['payments', '[]', 'user']>>().toExtend<User>();
  // GetV0PaymentsList data.payments[].order
  expectTypeOf<At<PaymentsListResponse, ['payments', '[]', 'order']>>().not.toBeNever();
  expectTypeOf<At<PaymentsListResponse, ['payments', '[]', 'order']>>().toExtend<Order>();
  // GetV0OffersOfferId data.offer
  expectTypeOf<At<OffersGetResponse, ['offer']>>().not.toBeNever();
  expectTypeOf<At<OffersGetResponse, ['offer']>>().toExtend<Offer>();
  // PatchV0OffersOfferIdUpdate data.offer
  expectTypeOf<At<OffersUpdateResponse, ['offer']>>().not.toBeNever();
  expectTypeOf<At<OffersUpdateResponse, ['offer']>>().toExtend<Offer>();
  // PostV0OffersCreate data.offer
  expectTypeOf<At<OffersCreateResponse, ['offer']>>().not.toBeNever();
  expectTypeOf<At<OffersCreateResponse, ['offer']>>().toExtend<Offer>();
  // GetV0OffersList data.offers[]
  expectTypeOf<At<OffersListResponse, ['offers', '[]']>>().not.toBeNever();
  expectTypeOf<At<OffersListResponse, ['offers', '[]']>>().toExtend<Offer>();
  // GetV0ProductsProductId data.product
  expectTypeOf<At<ProductsGetResponse, ['product']>>().not.toBeNever();
  expectTypeOf<At<ProductsGetResponse, ['product']>>().toExtend<Product>();
  // GetV0ProductsProductId data.offers[]
  expectTypeOf<At<ProductsGetResponse, ['offers', '[]']>>().not.toBeNever();
  expectTypeOf<At<ProductsGetResponse, ['offers', '[]']>>().toExtend<Offer>();
  // PostV0ProductsProductIdDuplicate data.product
  expectTypeOf<At<ProductsDuplicateResponse, ['product']>>().not.toBeNever();
  expectTypeOf<At<ProductsDuplicateResponse, ['product']>>().toExtend<Product>();
  // PatchV0ProductsProductIdPlansPlanIdUpdate data.plan
  expectTypeOf<At<ProductsPlansUpdateResponse, ['plan']>>().not.toBeNever();
  expectTypeOf<At<ProductsPlansUpdateResponse, ['plan']>>().toExtend<Variant>();
  // GetV0ProductsList data.products[]
  expectTypeOf<At<ProductsListResponse, ['products', '[]']>>().not.toBeNever();
  expectTypeOf<At<ProductsListResponse, ['products', '[]']>>().toExtend<Product>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.subscription
  expectTypeOf<At<SubscriptionsGetResponse, ['subscription']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['subscription']>>().toExtend<Subscription>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.subscription.user
  expectTypeOf<At<SubscriptionsGetResponse, ['subscription', 'user']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['subscription', 'user']>>().toExtend<User>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.subscription.order
  expectTypeOf<At<SubscriptionsGetResponse, ['subscription', 'order']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['subscription', 'order']>>().toExtend<Order>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.subscription.lastPayment
  expectTypeOf<At<SubscriptionsGetResponse, ['subscription', 'lastPayment']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['subscription', 'lastPayment']>>().toExtend<Payment>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.lastPayment
  expectTypeOf<At<SubscriptionsGetResponse, ['lastPayment']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['lastPayment']>>().toExtend<Payment>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.lastPayment.user
  expectTypeOf<At<SubscriptionsGetResponse, ['lastPayment', 'user']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['lastPayment', 'user']>>().toExtend<User>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.lastPayment.order
  expectTypeOf<At<SubscriptionsGetResponse, ['lastPayment', 'order']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['lastPayment', 'order']>>().toExtend<Order>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.lastPayment.subscription
  expectTypeOf<At<SubscriptionsGetResponse, ['lastPayment', 'subscription']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['lastPayment', 'subscription']>>().toExtend<Subscription>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.items[]
  expectTypeOf<At<SubscriptionsGetResponse, ['items', '[]']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['items', '[]']>>().toExtend<Item>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.items[].product
  expectTypeOf<At<SubscriptionsGetResponse, ['items', '[]', 'product']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['items', '[]', 'product']>>().toExtend<Product>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.items[].offer
  expectTypeOf<At<SubscriptionsGetResponse, ['items', '[]', 'offer']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['items', '[]', 'offer']>>().toExtend<Offer>();
  // GetV0SubscriptionsSubscriptionIdOrNumber data.user
  expectTypeOf<At<SubscriptionsGetResponse, ['user']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsGetResponse, ['user']>>().toExtend<User>();
  // PostV0SubscriptionsSubscriptionIdOrNumberCharge data.payment
  expectTypeOf<At<SubscriptionsChargeResponse, ['payment']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsChargeResponse, ['payment']>>().toExtend<Payment>();
  // PostV0SubscriptionsSubscriptionIdOrNumberCharge data.payment.user
  expectTypeOf<At<SubscriptionsChargeResponse, ['payment', 'user']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsChargeResponse, ['payment', 'user']>>().toExtend<User>();
  // PostV0SubscriptionsSubscriptionIdOrNumberCharge data.payment.order
  expectTypeOf<At<SubscriptionsChargeResponse, ['payment', 'order']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsChargeResponse, ['payment', 'order']>>().toExtend<Order>();
  // PostV0SubscriptionsSubscriptionIdOrNumberCharge data.payment.subscription
  expectTypeOf<At<SubscriptionsChargeResponse, ['payment', 'subscription']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsChargeResponse, ['payment', 'subscription']>>().toExtend<Subscription>();
  // PostV0SubscriptionsCreate data.subscription
  expectTypeOf<At<SubscriptionsCreateResponse, ['subscription']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsCreateResponse, ['subscription']>>().toExtend<Subscription>();
  // PostV0SubscriptionsCreate data.subscription.user
  expectTypeOf<At<SubscriptionsCreateResponse, ['subscription', 'user']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsCreateResponse, ['subscription', 'user']>>().toExtend<User>();
  // PostV0SubscriptionsCreate data.subscription.order
  expectTypeOf<At<SubscriptionsCreateResponse, ['subscription', 'order']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsCreateResponse, ['subscription', 'order']>>().toExtend<Order>();
  // PostV0SubscriptionsCreate data.subscription.lastPayment
  expectTypeOf<At<SubscriptionsCreateResponse, ['subscription', 'lastPayment']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsCreateResponse, ['subscription', 'lastPayment']>>().toExtend<Payment>();
  // GetV0SubscriptionsList data.subscriptions[]
  expectTypeOf<At<SubscriptionsListResponse, ['subscriptions', '[]']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsListResponse, ['subscriptions', '[]']>>().toExtend<Subscription>();
  // GetV0SubscriptionsList data.subscriptions[].user
  expectTypeOf<At<SubscriptionsListResponse, ['subscriptions', '[]', 'user']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsListResponse, ['subscriptions', '[]', 'user']>>().toExtend<User>();
  // GetV0SubscriptionsList data.subscriptions[].order
  expectTypeOf<At<SubscriptionsListResponse, ['subscriptions', '[]', 'order']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsListResponse, ['subscriptions', '[]', 'order']>>().toExtend<Order>();
  // GetV0SubscriptionsList data.subscriptions[].lastPayment
  expectTypeOf<At<SubscriptionsListResponse, ['subscriptions', '[]', 'lastPayment']>>().not.toBeNever();
  expectTypeOf<At<SubscriptionsListResponse, ['subscriptions', '[]', 'lastPayment']>>().toExtend<Payment>();
  // GetV0UsersUserId data.user
  expectTypeOf<At<UsersGetResponse, ['user']>>().not.toBeNever();
  expectTypeOf<At<UsersGetResponse, ['user']>>().toExtend<User>();
  // GetV0UsersUserIdInventory data.inventory[]
  expectTypeOf<At<UsersInventoryResponse, ['inventory', '[]']>>().not.toBeNever();
  expectTypeOf<At<UsersInventoryResponse, ['inventory', '[]']>>().toExtend<Item>();
  // GetV0UsersUserIdInventory data.inventory[].product
  expectTypeOf<At<UsersInventoryResponse, ['inventory', '[]', 'product']>>().not.toBeNever();
  expectTypeOf<At<UsersInventoryResponse, ['inventory', '[]', 'product']>>().toExtend<Product>();
  // GetV0UsersUserIdInventory data.inventory[].offer
  expectTypeOf<At<UsersInventoryResponse, ['inventory', '[]', 'offer']>>().not.toBeNever();
  expectTypeOf<At<UsersInventoryResponse, ['inventory', '[]', 'offer']>>().toExtend<Offer>();
  // PatchV0UsersUserIdUpdate data.user
  expectTypeOf<At<UsersUpdateResponse, ['user']>>().not.toBeNever();
  expectTypeOf<At<UsersUpdateResponse, ['user']>>().toExtend<User>();
  // PostV0UsersCreate data.user
  expectTypeOf<At<UsersCreateResponse, ['user']>>().not.toBeNever();
  expectTypeOf<At<UsersCreateResponse, ['user']>>().toExtend<User>();
  // PostV0ElementsCheckoutCreate data.checkoutElement
  expectTypeOf<At<ElementsCheckoutCreateResponse, ['checkoutElement']>>().not.toBeNever();
  expectTypeOf<At<ElementsCheckoutCreateResponse, ['checkoutElement']>>().toExtend<CheckoutElement>();
  // PostV0ElementsCheckoutCreate data.checkoutElement.offers[]
  expectTypeOf<At<ElementsCheckoutCreateResponse, ['checkoutElement', 'offers', '[]']>>().not.toBeNever();
  expectTypeOf<At<ElementsCheckoutCreateResponse, ['checkoutElement', 'offers', '[]']>>().toExtend<Offer>();
  // webhook payment_success data.items[]
  expectTypeOf<At<WebhookEventOf<'payment_success'>['data'], ['items', '[]']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_success'>['data'], ['items', '[]']>>().toExtend<Item>();
  // webhook payment_success data.order
  expectTypeOf<At<WebhookEventOf<'payment_success'>['data'], ['order']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_success'>['data'], ['order']>>().toExtend<Order>();
  // webhook payment_success data.customer
  expectTypeOf<At<WebhookEventOf<'payment_success'>['data'], ['customer']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_success'>['data'], ['customer']>>().toExtend<User>();
  // webhook payment_success data.payment
  expectTypeOf<At<WebhookEventOf<'payment_success'>['data'], ['payment']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_success'>['data'], ['payment']>>().toExtend<Payment>();
  // webhook payment_refunded data.user
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['user']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['user']>>().toExtend<User>();
  // webhook payment_refunded data.items[]
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['items', '[]']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['items', '[]']>>().toExtend<Item>();
  // webhook payment_refunded data.order
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['order']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['order']>>().toExtend<Order>();
  // webhook payment_refunded data.payment
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['payment']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['payment']>>().toExtend<Payment>();
  // webhook payment_refunded data.customer
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['customer']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_refunded'>['data'], ['customer']>>().toExtend<User>();
  // webhook payment_failed data.user
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['user']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['user']>>().toExtend<User>();
  // webhook payment_failed data.items[]
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['items', '[]']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['items', '[]']>>().toExtend<Item>();
  // webhook payment_failed data.order
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['order']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['order']>>().toExtend<Order>();
  // webhook payment_failed data.payment
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['payment']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['payment']>>().toExtend<Payment>();
  // webhook payment_failed data.customer
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['customer']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'payment_failed'>['data'], ['customer']>>().toExtend<User>();
  // webhook subscription_created data.user
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['user']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['user']>>().toExtend<User>();
  // webhook subscription_created data.items[]
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['items', '[]']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['items', '[]']>>().toExtend<Item>();
  // webhook subscription_created data.lastPayment
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['lastPayment']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['lastPayment']>>().toExtend<Payment>();
  // webhook subscription_created data.subscription
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['subscription']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['subscription']>>().toExtend<Subscription>();
  // webhook subscription_created data.order
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['order']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_created'>['data'], ['order']>>().toExtend<Order>();
  // webhook subscription_interval data.user
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['user']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['user']>>().toExtend<User>();
  // webhook subscription_interval data.items[]
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['items', '[]']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['items', '[]']>>().toExtend<Item>();
  // webhook subscription_interval data.lastPayment
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['lastPayment']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['lastPayment']>>().toExtend<Payment>();
  // webhook subscription_interval data.subscription
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['subscription']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['subscription']>>().toExtend<Subscription>();
  // webhook subscription_interval data.order
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['order']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_interval'>['data'], ['order']>>().toExtend<Order>();
  // webhook subscription_updated data.user
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['user']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['user']>>().toExtend<User>();
  // webhook subscription_updated data.items[]
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['items', '[]']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['items', '[]']>>().toExtend<Item>();
  // webhook subscription_updated data.lastPayment
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['lastPayment']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['lastPayment']>>().toExtend<Payment>();
  // webhook subscription_updated data.subscription
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['subscription']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['subscription']>>().toExtend<Subscription>();
  // webhook subscription_updated data.order
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['order']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_updated'>['data'], ['order']>>().toExtend<Order>();
  // webhook subscription_cancelled data.user
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['user']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['user']>>().toExtend<User>();
  // webhook subscription_cancelled data.items[]
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['items', '[]']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['items', '[]']>>().toExtend<Item>();
  // webhook subscription_cancelled data.lastPayment
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['lastPayment']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['lastPayment']>>().toExtend<Payment>();
  // webhook subscription_cancelled data.subscription
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['subscription']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['subscription']>>().toExtend<Subscription>();
  // webhook subscription_cancelled data.order
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['order']>>().not.toBeNever();
  expectTypeOf<At<WebhookEventOf<'subscription_cancelled'>['data'], ['order']>>().toExtend<Order>();
  // component Order data.user
  expectTypeOf<At<Order, ['user']>>().not.toBeNever();
  expectTypeOf<At<Order, ['user']>>().toExtend<User>();
  // component Order data.lastPayment
  expectTypeOf<At<Order, ['lastPayment']>>().not.toBeNever();
  expectTypeOf<At<Order, ['lastPayment']>>().toExtend<Payment>();
  // component Order data.subscription
  expectTypeOf<At<Order, ['subscription']>>().not.toBeNever();
  expectTypeOf<At<Order, ['subscription']>>().toExtend<Subscription>();
  // component Payment data.user
  expectTypeOf<At<Payment, ['user']>>().not.toBeNever();
  expectTypeOf<At<Payment, ['user']>>().toExtend<User>();
  // component Payment data.order
  expectTypeOf<At<Payment, ['order']>>().not.toBeNever();
  expectTypeOf<At<Payment, ['order']>>().toExtend<Order>();
  // component Payment data.subscription
  expectTypeOf<At<Payment, ['subscription']>>().not.toBeNever();
  expectTypeOf<At<Payment, ['subscription']>>().toExtend<Subscription>();
  // component Subscription data.user
  expectTypeOf<At<Subscription, ['user']>>().not.toBeNever();
  expectTypeOf<At<Subscription, ['user']>>().toExtend<User>();
  // component Subscription data.order
  expectTypeOf<At<Subscription, ['order']>>().not.toBeNever();
  expectTypeOf<At<Subscription, ['order']>>().toExtend<Order>();
  // component Subscription data.lastPayment
  expectTypeOf<At<Subscription, ['lastPayment']>>().not.toBeNever();
  expectTypeOf<At<Subscription, ['lastPayment']>>().toExtend<Payment>();
  // component Item data.product
  expectTypeOf<At<Item, ['product']>>().not.toBeNever();
  expectTypeOf<At<Item, ['product']>>().toExtend<Product>();
  // component Item data.offer
  expectTypeOf<At<Item, ['offer']>>().not.toBeNever();
  expectTypeOf<At<Item, ['offer']>>().toExtend<Offer>();
  // component CheckoutElement data.offers[]
  expectTypeOf<At<CheckoutElement, ['offers', '[]']>>().not.toBeNever();
  expectTypeOf<At<CheckoutElement, ['offers', '[]']>>().toExtend<Offer>();
});

it('lets a merchant write the helper functions of day one', async () => {
  const { createFungies } = await import('../../src/index.js');
  const fungies = createFungies({ publicKey: 'pub_x', secretKey: 'sec_x' });
  const d: Discount = (await fungies.discounts.create({ name: 'x', amount: 1, amountType: 'fixed' })).discount!;
  const o: Order = ({} as WebhookEventOf<'payment_success'>).data.order;
  const p: Payment | null | undefined = ({} as Order).lastPayment;
  const offer: Offer = (await fungies.offers.create({} as never)).offer!;
  expectTypeOf([d, o, p, offer]).not.toBeNever();
  // List methods iterate the resource type.
  for await (const item of fungies.orders.list()) expectTypeOf(item).toExtend<Order>();
  for await (const item of fungies.discounts.list()) expectTypeOf(item).toExtend<Discount>();
  for await (const item of fungies.subscriptions.list()) expectTypeOf(item).toExtend<Subscription>();
  for await (const item of fungies.users.inventory('u')) expectTypeOf(item).toExtend<Item>();
});
