/**
 * Written by SchemaFirst from the schema source; do not edit by hand.
 * Regenerate with: schemafirst generate types --lang typescript
 */

/** A column read as S, written as I on insert and U on update (Kysely's ColumnType). */
export type ColumnType<S, I = S, U = S> = {
  readonly __select__: S;
  readonly __insert__: I;
  readonly __update__: U;
};

/** A column the database fills when an insert leaves it out (a default, an identity, a serial). */
export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

/** A column only the database writes (GENERATED ALWAYS, a computed column). */
export type GeneratedAlways<T> = T extends ColumnType<infer S, infer _I, infer _U> ? ColumnType<S, never, never> : ColumnType<T, never, never>;

/** An array column; an element with its own insert type keeps it. */
export type ArrayType<T> = ArrayTypeImpl<T> extends (infer E)[] ? E[] : ArrayTypeImpl<T>;

export type ArrayTypeImpl<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S[], I[], U[]> : T[];

/** bigint: read as a string (it may not fit a number), written as any of these. */
export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

/** numeric: read as a string to keep every digit. */
export type Numeric = ColumnType<string, number | string, number | string>;

/** date and timestamp: read as Date, written as Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type JsonPrimitive = boolean | number | string | null;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [key: string]: JsonValue | undefined;
};

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

/** json and jsonb: read parsed, written as JSON text. */
export type Json = ColumnType<JsonValue, string, string>;

/** The enum shop.address_kind. */
export type ShopAddressKind = "shipping" | "billing" | "both";

/** Life cycle of an order, from checkout to delivery (or cancellation/refund). */
export type ShopOrderStatus = "pending" | "paid" | "packed" | "shipped" | "delivered" | "cancelled" | "refunded";

/** The enum shop.payment_status. */
export type ShopPaymentStatus = "pending" | "authorized" | "captured" | "failed" | "refunded";

/** The enum shop.shipment_status. */
export type ShopShipmentStatus = "preparing" | "in_transit" | "delivered" | "returned" | "lost";

/** The enum shop.ticket_status. */
export type ShopTicketStatus = "open" | "waiting_on_customer" | "resolved" | "closed";

/** Address book of each customer; orders copy the address they ship to. */
export interface ShopAddresses {
  id: GeneratedAlways<Int8>;
  customer_id: Int8;
  kind: Generated<ShopAddressKind>;
  recipient_name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string | null;
  /** ISO 3166-1 alpha-2 country code, upper case. */
  country_code: string;
  phone: string | null;
  created_at: Generated<Timestamp>;
}

/** Variants in a cart; one row per variant, the quantity says how many. */
export interface ShopCartItems {
  cart_id: string;
  variant_id: Int8;
  quantity: Generated<number>;
  added_at: Generated<Timestamp>;
}

/** Shopping carts; guest carts have no customer and are keyed by the uuid kept in a cookie. */
export interface ShopCarts {
  /** Random identifier, safe to hand to the browser. */
  id: Generated<string>;
  /** NULL for guest carts. */
  customer_id: Int8 | null;
  currency: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  expires_at: Generated<Timestamp>;
}

/** Category tree used for navigation; parent_id is NULL for top-level categories. */
export interface ShopCategories {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  slug: string;
  /** Sort order among siblings. */
  position: Generated<number>;
}

/** Discount codes, either marketplace-wide (seller_id IS NULL) or issued by one seller. */
export interface ShopCoupons {
  id: GeneratedAlways<Int8>;
  seller_id: Int8 | null;
  code: string;
  description: string | null;
  /** Percentage off the order subtotal; exactly one of discount_percent and discount_amount is set. */
  discount_percent: Numeric | null;
  /** Fixed amount off the order subtotal, in the order currency. */
  discount_amount: Numeric | null;
  min_order_total: Generated<Numeric>;
  valid_from: Generated<Timestamp>;
  valid_until: Timestamp | null;
  max_redemptions: number | null;
  times_redeemed: Generated<number>;
}

/** People who buy on the marketplace. Rows are soft-deleted via deleted_at. */
export interface ShopCustomers {
  id: GeneratedAlways<Int8>;
  /** Identifier exposed in URLs and APIs; the bigint id never leaves the database. */
  public_id: Generated<string>;
  /** Login e-mail; unique among live customers regardless of case. */
  email: string;
  full_name: string;
  phone: string | null;
  /** Address pre-selected at checkout; NULL when the customer has no saved address. */
  default_address_id: Int8 | null;
  marketing_opt_in: Generated<boolean>;
  /** Free-form UI settings (language, newsletter topics, ...). */
  preferences: Generated<Json>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /** Set when the customer closes the account; NULL for live accounts. */
  deleted_at: Timestamp | null;
}

/** Stock of each variant in each warehouse. */
export interface ShopInventoryLevels {
  warehouse_id: number;
  variant_id: Int8;
  on_hand: Generated<number>;
  /** Units held for unpaid or unshipped orders; available = on_hand - reserved. */
  reserved: Generated<number>;
  updated_at: Generated<Timestamp>;
}

/** Order lines. SKU, title and price are copied from the catalog at checkout. */
export interface ShopOrderItems {
  id: GeneratedAlways<Int8>;
  order_id: Int8;
  /** Catalog variant this line was bought from; NULL once the variant is deleted. */
  variant_id: Int8 | null;
  seller_id: Int8;
  sku: string;
  product_title: string;
  quantity: number;
  unit_price: Numeric;
  /** quantity * unit_price, computed by the database. */
  line_total: GeneratedAlways<Numeric | null>;
}

/** A checked-out cart. Addresses are copied into the order so later edits to the address book do not change history. */
export interface ShopOrders {
  id: Generated<Int8>;
  customer_id: Int8;
  coupon_id: Int8 | null;
  /** Where the order is in its life cycle; see type shop.order_status. */
  status: Generated<ShopOrderStatus>;
  currency: Generated<string>;
  subtotal: Generated<Numeric>;
  discount_total: Generated<Numeric>;
  shipping_total: Generated<Numeric>;
  tax_total: Generated<Numeric>;
  /** Amount charged: subtotal - discount_total + shipping_total + tax_total. */
  grand_total: Generated<Numeric>;
  /** Snapshot of the shipping address at checkout time. */
  shipping_address: Json;
  billing_address: Json | null;
  customer_note: string | null;
  /** When the customer confirmed the order; NULL while still pending checkout. */
  placed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Payment attempts against an order; an order may need several attempts before one is captured. */
export interface ShopPayments {
  id: GeneratedAlways<Int8>;
  order_id: Int8;
  /** Payment service provider, e.g. stripe, adyen, paypal. */
  provider: string;
  /** The provider's id for this payment; NULL until the provider answers. */
  provider_reference: string | null;
  status: Generated<ShopPaymentStatus>;
  amount: Numeric;
  currency: Generated<string>;
  refunded_amount: Generated<Numeric>;
  /** Last raw webhook/API payload, kept for disputes. */
  provider_response: Json | null;
  failure_reason: string | null;
  created_at: Generated<Timestamp>;
  captured_at: Timestamp | null;
}

/** Star ratings and reviews; shown once a moderator publishes them. */
export interface ShopProductReviews {
  id: GeneratedAlways<Int8>;
  product_id: Int8;
  /** NULL once the author's account is deleted; the review itself is kept. */
  customer_id: Int8 | null;
  /** Set for "verified purchase" reviews. */
  order_item_id: Int8 | null;
  rating: number;
  title: string | null;
  body: string | null;
  is_published: Generated<boolean>;
  helpful_votes: Generated<number>;
  created_at: Generated<Timestamp>;
}

/** A purchasable version of a product (size, colour, ...), identified by its SKU. */
export interface ShopProductVariants {
  id: GeneratedAlways<Int8>;
  product_id: Int8;
  sku: string;
  /** Options that distinguish this variant, e.g. {"size": "M", "colour": "blue"}. */
  option_values: Generated<Json>;
  price: Numeric;
  /** Former price shown struck through during a sale. */
  compare_at_price: Numeric | null;
  currency: Generated<string>;
  weight_grams: number | null;
  is_default: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

/** A product as listed by one seller; prices and stock live on its variants. */
export interface ShopProducts {
  id: GeneratedAlways<Int8>;
  seller_id: Int8;
  category_id: number | null;
  title: string;
  slug: string;
  description: string | null;
  /** Free-form search tags, e.g. {organic,vegan}. */
  tags: Generated<ArrayType<string>>;
  /** Category-specific attributes (material, size chart, ...). */
  attributes: Generated<Json>;
  is_active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Merchants that list products on the marketplace; each is run by a customer account. */
export interface ShopSellers {
  id: GeneratedAlways<Int8>;
  owner_customer_id: Int8;
  display_name: string;
  slug: string;
  support_email: string | null;
  /** Share of each sale kept by the marketplace, 0.1000 = 10 %. */
  commission_rate: Generated<Numeric>;
  is_verified: Generated<boolean>;
  /** Bank/payout provider details as returned by the onboarding flow. */
  payout_details: Json | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Which order lines (and how many units of each) travel in which parcel. */
export interface ShopShipmentItems {
  shipment_id: Int8;
  order_item_id: Int8;
  quantity: number;
}

/** Parcels sent for an order; a large order can ship in several parcels from several warehouses. */
export interface ShopShipments {
  id: GeneratedAlways<Int8>;
  order_id: Int8;
  warehouse_id: number | null;
  carrier: string;
  tracking_number: string | null;
  status: Generated<ShopShipmentStatus>;
  shipping_cost: Generated<Numeric>;
  /** Carrier tracking history, newest last, as delivered by the carrier webhook. */
  tracking_events: Generated<Json>;
  created_at: Generated<Timestamp>;
  shipped_at: Timestamp | null;
  delivered_at: Timestamp | null;
}

/** Customer service conversations, optionally about one order. */
export interface ShopSupportTickets {
  id: GeneratedAlways<Int8>;
  customer_id: Int8;
  order_id: Int8 | null;
  subject: string;
  status: Generated<ShopTicketStatus>;
  /** 1 = urgent ... 5 = low. */
  priority: Generated<number>;
  labels: Generated<ArrayType<string>>;
  /** Login of the support agent handling the ticket. */
  assigned_to: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  closed_at: Timestamp | null;
}

/** Messages in a support ticket, in the order they were written. */
export interface ShopTicketMessages {
  id: GeneratedAlways<Int8>;
  ticket_id: Int8;
  author_kind: string;
  author_name: string | null;
  body: string;
  attachments: Generated<Json>;
  /** Notes between agents, never shown to the customer. */
  is_internal: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

/** Fulfilment centres that hold stock and ship orders. */
export interface ShopWarehouses {
  id: GeneratedAlways<number>;
  code: string;
  name: string;
  country_code: string;
  is_active: Generated<boolean>;
}

/** Product variants a customer saved for later. */
export interface ShopWishlistItems {
  customer_id: Int8;
  variant_id: Int8;
  note: string | null;
  added_at: Generated<Timestamp>;
}

/** Units that can still be sold per variant, over all active warehouses. */
export interface ShopAvailableStock {
  variant_id: Int8;
  sku: string;
  available: Int8 | null;
}

/** One row per order with its customer, item count and outstanding balance. */
export interface ShopOrderSummaries {
  order_id: Int8;
  /** Where the order is in its life cycle; see type shop.order_status. */
  status: ShopOrderStatus;
  /** When the customer confirmed the order; NULL while still pending checkout. */
  placed_at: Timestamp | null;
  /** Identifier exposed in URLs and APIs; the bigint id never leaves the database. */
  customer_public_id: string;
  /** Login e-mail; unique among live customers regardless of case. */
  customer_email: string;
  currency: string;
  /** Amount charged: subtotal - discount_total + shipping_total + tax_total. */
  grand_total: Numeric;
  item_count: Int8;
  paid_amount: Numeric;
  balance_due: Numeric;
}

/** Active products as shown in search results: price range and published rating. */
export interface ShopProductListings {
  product_id: Int8;
  title: string;
  slug: string;
  seller_slug: string;
  category_slug: string | null;
  /** Free-form search tags, e.g. {organic,vegan}. */
  tags: ArrayType<string>;
  min_price: Numeric | null;
  max_price: Numeric | null;
  currency: string | null;
  review_count: Int8 | null;
  average_rating: Numeric | null;
}

/** Sales per seller, UTC day and currency, for seller payouts and dashboards. */
export interface ShopSellerDailySales {
  seller_id: Int8;
  sales_date: Timestamp | null;
  currency: string;
  order_count: Int8;
  units_sold: Int8 | null;
  gross_sales: Numeric | null;
}

/** Every table and view by the name queries use. */
export interface DB {
  "shop.addresses": ShopAddresses;
  "shop.available_stock": ShopAvailableStock;
  "shop.cart_items": ShopCartItems;
  "shop.carts": ShopCarts;
  "shop.categories": ShopCategories;
  "shop.coupons": ShopCoupons;
  "shop.customers": ShopCustomers;
  "shop.inventory_levels": ShopInventoryLevels;
  "shop.order_items": ShopOrderItems;
  "shop.order_summaries": ShopOrderSummaries;
  "shop.orders": ShopOrders;
  "shop.payments": ShopPayments;
  "shop.product_listings": ShopProductListings;
  "shop.product_reviews": ShopProductReviews;
  "shop.product_variants": ShopProductVariants;
  "shop.products": ShopProducts;
  "shop.seller_daily_sales": ShopSellerDailySales;
  "shop.sellers": ShopSellers;
  "shop.shipment_items": ShopShipmentItems;
  "shop.shipments": ShopShipments;
  "shop.support_tickets": ShopSupportTickets;
  "shop.ticket_messages": ShopTicketMessages;
  "shop.warehouses": ShopWarehouses;
  "shop.wishlist_items": ShopWishlistItems;
}
