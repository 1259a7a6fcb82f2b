"""Names vulture (`make lint`, [tool.vulture] in pyproject.toml) cannot see used, each with who uses it.

Vulture reads Python only: what templates, URL confs built with ``get_class``, dotted paths in settings,
migrations and the frameworks' own calls use looks dead to it. This module is never imported; it only
mentions each name (vulture matches names, not objects). Add a name here only with its user; a name whose
comment says "dead" is waiting to be removed from a module under restructuring — delete it there and here.
"""

_ = object()

# --- Loaded by dotted path in settings (INSTALLED_APPS, MIDDLEWARE, backends, context processors…) ---
_.CmsConfig  # Django: INSTALLED_APPS "cms" (default AppConfig of the package)
_.PaymentsConfig  # Django: INSTALLED_APPS "payments"
_.CoreConfig  # Django: INSTALLED_APPS "shop.core"
_.app_configs  # Django: the system checks' signature (shop/core/checks.py), passed by keyword
_.platform_operator_identity  # Django: a system check registered by its decorator (shop/core/checks.py)
_.FragmentCache  # Django: CACHES["template_fragments"] BACKEND, the {% cache %} tag's store
_.MachineFileCache  # Django: CACHES["default"] BACKEND without REDIS_URL
_.NotificationsConfig  # Django: INSTALLED_APPS "shop.notifications"
_.JobsConfig  # Django: INSTALLED_APPS "shop.jobs"
_.UsersConfig  # Django: INSTALLED_APPS "shop.users"
_.SearchConfig  # settings: replaces oscar.apps.search.apps.SearchConfig
_.FinanceDashboardConfig  # settings: INSTALLED_APPS
_.OperationsDashboardConfig  # settings: INSTALLED_APPS
_.PortalDashboardConfig  # settings: INSTALLED_APPS
_.ReviewDashboardConfig  # settings: INSTALLED_APPS
_.OcopShop  # settings: replaces oscar.config.Shop
_.DocumentForm  # settings: WAGTAILDOCS_DOCUMENT_FORM_BASE
_.site_chrome  # settings: TEMPLATES context processor
_.search_form  # settings: TEMPLATES context processor
_.theme_dirs  # settings: TEMPLATES DIRS
_.ContentSecurityPolicyMiddleware  # settings: MIDDLEWARE
_.AnonymousPageCacheMiddleware  # settings: MIDDLEWARE
_.LoginThrottleMiddleware  # settings: MIDDLEWARE
_.media_storages  # settings: STORAGES (shop/settings/base.py)
_.PrivateS3Storage  # settings: STORAGES["private"] when OCOP_MEDIA_S3_BUCKET is set (shop.core.storage)
_.get_many  # Django: cache API (shop.core.cache.ResilientRedisCache), called by Wagtail and sorl
_.has_key  # Django: cache API (shop.core.cache.ResilientRedisCache)
_.set_many  # Django: cache API (shop.core.cache.ResilientRedisCache)
_.touch  # Django: cache API (shop.core.cache.ResilientRedisCache)
_.delete_many  # Django: cache API (shop.core.cache.ResilientRedisCache)
_.RequestIdMiddleware  # settings: MIDDLEWARE (shop.core.request_id)
_.HealthProbeMiddleware  # settings: MIDDLEWARE (shop.core.health_views)
_.RequestContextFilter  # settings: LOGGING filters
_.JsonFormatter  # settings: LOGGING formatters; deploy/gunicorn.conf.py
_._has_been_logged  # Django: log_response() skips a response so marked (shop.core.health_views, 503 of /readyz)
_.LockoutBackend  # settings: AUTHENTICATION_BACKENDS
_.OutboxBackend  # settings: EMAIL_BACKEND
_.DirectAdminEmailHandler  # settings: LOGGING handler
_.ORDER_PIPELINE  # settings: OSCAR_ORDER_STATUS_PIPELINE
_.wagtail_admin_access  # settings: OSCAR_DASHBOARD_NAVIGATION access_fn
_.portal_access  # settings: OSCAR_DASHBOARD_NAVIGATION access_fn
_.application  # Django: WSGI_APPLICATION / ASGI servers (shop/wsgi.py, shop/asgi.py)
# --- Loaded by name: get_class in the apps' URL confs, the payment provider registry ---
_.ProductOriginView  # get_class in catalogue/apps.py
_.ProductOriginQrView  # get_class in catalogue/apps.py
_.RegistrationSentView  # shop/customer/apps.py URLs
_.RegistrationResendView  # shop/customer/apps.py URLs
_.RegistrationConfirmView  # shop/customer/apps.py URLs
_.EmailChangeConfirmView  # shop/customer/apps.py URLs
_.PaymentDeskView  # get_class in shop/dashboard/finance/apps.py
_.StatementImportView  # get_class in shop/dashboard/finance/apps.py
_.SettlementMonthView  # get_class in shop/dashboard/finance/apps.py
_.SettlementDetailView  # get_class in the finance and portal dashboard apps
_.ShippingRatesView  # get_class in shop/dashboard/operations/apps.py
_.ShippingZoneView  # get_class in shop/dashboard/operations/apps.py
_.PortalHomeView  # get_class in shop/dashboard/portal/apps.py
_.OrderDetailView  # get_class in shop/dashboard/portal/apps.py
_.OrderEInvoiceView  # get_class in shop/dashboard/portal/apps.py
_.ProducerProductListView  # get_class in shop/dashboard/portal/apps.py
_.ProducerProductOcopView  # get_class in shop/dashboard/portal/apps.py
_.CertificateScanView  # get_class in shop/dashboard/portal/apps.py
_.ProductFormView  # get_class in shop/dashboard/portal/apps.py
_.ProductImagesView  # get_class in shop/dashboard/portal/apps.py
_.StockPricesView  # get_class in shop/dashboard/portal/apps.py
_.SalesCsvView  # get_class in shop/dashboard/portal/apps.py
_.SettlementListView  # get_class in shop/dashboard/portal/apps.py
_.TeamView  # get_class in shop/dashboard/portal/apps.py
_.SwitchProducerView  # get_class in shop/dashboard/portal/apps.py
_.ProfileView  # get_class in shop/dashboard/portal/apps.py
_.PayoutAccountView  # get_class in shop/dashboard/portal/apps.py
_.PayoutAccountQueueView  # get_class in shop/dashboard/review/apps.py
_.ReviewQueueView  # get_class in shop/dashboard/review/apps.py
_.ReviewDetailView  # get_class in shop/dashboard/review/apps.py
_.RevocationView  # get_class in shop/dashboard/review/apps.py
_.UncertifiedProductsView  # get_class in shop/dashboard/review/apps.py
_.ApplicationDetailView  # get_class in shop/dashboard/review/apps.py
_.ApplicationScanView  # get_class in shop/dashboard/review/apps.py
_.ProducerVerificationView  # get_class in shop/dashboard/review/apps.py
_.AssistedEntryView  # get_class in shop/dashboard/review/apps.py
_.CertificateChecksView  # get_class in shop/dashboard/review/apps.py
_.FiguresCsvView  # get_class in shop/dashboard/review/apps.py
_.SearchView  # get_class in shop/search/apps.py
_.SuggestView  # get_class in shop/search/apps.py
_.CatalogueView  # Oscar: oscar.apps.catalogue.views get_class("search.views", …)
_.ProductCategoryView  # Oscar: oscar.apps.catalogue.views get_class("search.views", …)
_.UserAddressForm  # Oscar: get_class("address.forms", …) (our fork of the form)
_.SimpleAddToBasketForm  # Oscar: get_class("basket.forms", …)
_.ShippingAddressForm  # Oscar: get_class("checkout.forms", …)
_.CashOnDeliveryProvider  # the payment provider registry (dotted path)
_.StripeCardProvider  # the payment provider registry (dotted path)
_.VietQRTransferProvider  # the payment provider registry (dotted path)
# --- Called by name from a POSTed action: getattr(self, "action_<action>") in our dashboard views ---
_.action_received  # finance payments view
_.action_cancel_refund  # finance payments view
_.action_reviewed  # finance payments view
_.action_submit  # portal certificates view
_.action_add_certificate  # portal certificates view
_.action_confirm  # portal orders view
_.action_ship  # portal orders view
_.action_cancel  # portal orders view
_.action_issue  # portal e-invoice view
_.action_replace  # portal e-invoice view
_.action_deliver  # portal orders view
_.action_up  # portal product images view
_.action_down  # portal product images view
_.action_delete  # portal product images view
_.action_invite  # portal team view
_.action_revoke  # portal team view, review assistants view
_.action_remove  # portal team view
_.action_logo  # portal profile view
_.action_pictures  # portal profile view
_.action_remove_picture  # portal profile view
_.action_approve  # review payout accounts view
_.action_reject  # review payout accounts view
_.action_grant  # review assistants view
_.action_approve_certificate  # review detail view
_.action_reject_certificate  # review detail view
_.action_revoke_certificate  # review detail view
_.verify_producer  # review producers view: its action → verification function table
_.reject_application  # review producers view: its action → verification function table
_.suspend_producer  # review producers view: its action → verification function table
_.reinstate  # workflow transition named in the review actions (action_form.html "reinstate")
_.move_public_scans  # named in migration catalogue 0038
# --- Oscar calls them (overridden hooks) ---
_.sorted_recommended_products  # Oscar: AbstractProduct, product page template
_.is_viewable  # Oscar: ProductDetailView
_.check_payment_data_is_captured  # Oscar: PaymentDetailsView
_.handle_place_order_submission  # Oscar: PaymentDetailsView
_.handle_payment  # Oscar: PaymentDetailsView
_.render_payment_details  # Oscar: PaymentDetailsView
_.register_user  # Oscar: RegisterUserMixin
_.validate_registration_form  # Oscar: AccountRegistrationView
_.get_page_title  # Oscar: wishlist views
_.intermediate_actions  # Oscar: BulkEditMixin (dashboard catalogue)
_.download_selected_orders  # Oscar: dashboard OrderListView
_.get_csv_writer  # Oscar: ReportCSVFormatter
_.create_line_models  # Oscar: OrderCreator
_.update_stock_records  # Oscar: OrderCreator
_.is_purchase_permitted  # Oscar: availability policies
_.get_available_shipping_methods  # Oscar: shipping Repository
_.namespace  # Oscar: OscarConfig URL namespace
_.app_name  # Django: URL conf namespace (payments/urls.py, shop/partner/urls.py)
# --- Django, Wagtail, reportlab call them ---
_.get_short_name  # Django: the user model API (admin, Oscar and Wagtail templates)
_.process_view  # Django: middleware hook
_.view_func  # Django: process_view's signature
_.view_args  # Django: process_view's signature
_.view_kwargs  # Django: process_view's signature
_.allow_unicode  # Oscar: OSCAR_SLUG_FUNCTION's signature (ascii_slugify)
_.input_type  # Django: widget attribute
_.allow_multiple_selected  # Django: widget attribute
_.valid_value  # Django: ChoiceField validation
_.get_domain  # Django: sitemaps
_.lastmod  # Django: sitemaps
_.changefreq  # Django: sitemaps
_.i18n  # Django: sitemaps
_.languages  # Django: sitemaps
_.x_default  # Django: sitemaps
_.send_messages  # Django: email backend API (the outbox connection)
_.get_object_list  # Wagtail: chooser views
_.get_submissions_list_view_class  # Wagtail: FormPage
_.is_shown  # Wagtail: menu items
_.user_has_any_permission  # Wagtail: permission policies
_.start_img  # reportlab: the paragraph parser calls start_<tag>
_.nested  # the VietQR payload decoder (parse/nested), the inverse of payload(): tests read QR codes back
# --- Model, form and document fields: templates, ORM lookups by string, migrations ---
_.has_vouchers  # Oscar's offer search form field (shop/dashboard/offers/forms.py), read by Oscar's view
_.in_set  # Oscar's voucher search form field (shop/dashboard/vouchers/forms.py), read by Oscar's view
_.has_offers  # Oscar's voucher search form field (shop/dashboard/vouchers/forms.py), read by Oscar's view
_.enqueued_at  # jobs.ScheduledRun: when the scheduler claimed the slot, shown in the admin and for the record
_.address_on_document  # OcopCertificate field: templates
_.revocation_reason  # OcopCertificate field: templates
_.from_status  # ReviewLogEntry field: templates
_.to_status  # ReviewLogEntry field: templates
_.submitted_at  # Product field: review queue template, ordering
_.kept_on_sale_at  # Product field: uncertified template
_.kept_on_sale_by  # Product field: uncertified template
_.kept_on_sale_reason  # Product field: uncertified template
_.traceability_url  # Product field: origin template
_.hero_carousel  # StreamField block name (stored in page JSON, migration cms 0003)
_.featured_products  # StreamField block name (stored in page JSON)
_.product_query  # StreamField block name (stored in page JSON)
_.producer_spotlight  # StreamField block name (stored in page JSON)
_.campaign_banner  # StreamField block name (stored in page JSON)
_.category_tiles  # StreamField block name (stored in page JSON)
_.button_text  # block field: hero template
_.button_link  # block field: hero template
_.slides  # block field: hero carousel template
_.q  # form field: search and filter forms, templates
_.form_fields  # Wagtail form page fields / inspect view fields
_.facebook_url  # ContactSettings field: footer template
_.zalo_url  # ContactSettings field: footer template
_.footer_text  # ContactSettings field: footer template
_.site_name  # Wagtail Site field: header and footer templates
_.intro  # page field: page templates
_.return_policy_page  # ShopPolicies field: product page template
_.banner  # page field: campaign templates
_.start_datetime  # Oscar offer field (saved with update_fields)
_.content_object  # generic relation field
_.thank_you_text  # form page field: landing template
_.paid_at  # payment and settlement field: templates
_.needs_attention  # Payment field: payments template
_.received_at  # Payment field
_.withholding_applies  # Settlement field: templates
_.computed_at  # Settlement field: template
_.paid_by  # Settlement field: template
_.taxable_base  # Settlement property: settlement_figures template
_.commission_percent  # Settlement property: settlement_figures template
_.pit_percent  # Settlement property: settlement_figures template
_.partner_kind_label  # Settlement property: settlement templates
_.instructions_template  # payment providers: payments/order_payment.html
_.is_review_permitted  # Product: the is_review_permitted template filter (order pages)
_.ocop_stars  # Product property: product templates
_.current_password  # form field (cleaned_data["current_password"])
_.statement  # form field: bank statement import template
_.takes_off_sale  # form property: portal product templates
_.object_type  # model field
_.object_id  # model field (generic relations)
_.certified_width  # figures row: chart_row template
_.listed_width  # figures row: chart_row template
_.bar_width  # figures row: figures template
_.total_producers  # figures: figures template
_.verified_producers  # figures: figures template
_.basis_label  # figures: figures template
_.review_status_label  # figures: figures template
_.total_certified  # figures: figures template
_.total_listed  # figures: figures template
_.expiry_sections  # figures: figures template
_.min_days  # form field (cleaned_data["min_days"])
_.end_decision  # uncertified view: template
_.extend_decision  # uncertified view: template
_.last_error  # OutboxMessage field: send_again template
_.next_attempt_at  # OutboxMessage field: outbox admin
_.sent_at  # OutboxMessage field: outbox admin
_.share_percent  # stock share line: email templates
_.personal_data  # application form field: template
_.terms  # application form field: template
_.granted_by  # assistant grant field: template
_.granted_at  # assistant grant field: template
_.invited_by  # invitation field: email templates
_.accepted_by  # invitation field
_.ENTERPRISE  # Partner kind choice (stored value)
_.COOPERATIVE_GROUP  # Partner kind choice (stored value)
_.bank_account_holder  # Partner field: templates
_.verification_reason  # Partner field: templates
_.verification_decided_at  # Partner field: templates
_.applied_at  # Partner field: templates
_.preparation_days  # Partner field: delivery preference, profile form and the shop page template
_.has_verified_payout_account  # Partner property: review payout accounts template
_.decided_by  # PayoutAccountChange field: who decided (set by shop.producers.payout, shown in tests/admin)
_.decided_at  # PayoutAccountChange field: when it was decided or replaced
_.recorded_at  # consent record field: template
_.title_folded  # search document field (queried by name)
_.title_en_folded  # product search document field (queried by name): English title, folded
_.description_en_folded  # product search document field (queried by name)
_.producer_en_folded  # product search document field (queried by name)
_.story_en  # Partner field: the English story (producer pages, demo data)
_.get_story  # Partner: its story in the page's language (producer pages' templates)
_.get_description  # Category: category.html; Product: catalogue.translation.show_in_language
_.text_folded  # search document field (queried by name)
_.description_folded  # search document field (queried by name)
_.producer_folded  # search document field (queried by name)
_.place_folded  # search document field (queried by name)
_.attributes_folded  # search document field (queried by name)
_.category_ids  # search document field (queried by name)
_.in_stock  # search document field (queried by name)
_.stars_until  # search document field (queried by name)
_.popularity  # search document field (queried by name)
_.published  # search document field (queried by name)
_.sort_by  # search form field: listing template
_.is_free  # parcel property: parcels template
_.zone_label  # parcel property: parcels template
_.weight_kg  # parcel property: parcels template
_.import_statement  # the whole-file statement service (tests, a shell); the worker applies rows (apply_row)
_.RequestMemoMiddleware  # settings MIDDLEWARE
_.figures_csv  # file-job handlers, named by dotted path (shop/dashboard/files/kinds.py)
_.sales_csv  # file-job handler
_.statement_import  # file-job handler
_.oscar_report_csv  # file-job handler
_.FileJobListView  # portal URLs (as_view)
_.FileJobView  # portal URLs (as_view)
_.FileJobDownloadView  # portal URLs (as_view)
_.finished_at  # FileJob field: templates
_.add_to_reference_index  # Wagtail ModelViewSet option
_.files_access  # settings OSCAR_DASHBOARD_NAVIGATION access_fn
_.contextual_alt_text  # Wagtail ImageBlock value attributes (the demo hero's alt text)
_.decorative  # Wagtail ImageBlock value attribute
_.basket_badge  # settings TEMPLATES context_processors
_.num_lines  # Oscar's Basket API (its views, templates and ours)
_.permission_denied  # handler403 (shop/urls.py)
_.handler403  # Django's URLconf error handler
_.page_not_found  # handler404 (shop/urls.py)
_.handler404  # Django's URLconf error handler
_.offer_name  # CampaignPrice: the badge's title (templates)
_._info  # Oscar's Line.purchase_info cache, set by shop/offer/campaign.py
_.awaiting_receipt  # ProducerPart: the "Đã nhận hàng" button of oscar/order/partials/parts.html
_.personal_data_consent  # registration and checkout gateway consent fields (templates, POST)
_.confirm  # DataErasureForm field (template, POST)
_.export_handler  # customer data export job handler (shop.jobs.files Kind, dotted path)
_.DataRightsView  # customer URLs (get_class)
_.DataExportDownloadView  # customer URLs (get_class)
_.has_add_permission  # Django admin hook (PrivacyRequestAdmin)
_.has_change_permission  # Django admin hook
_.has_delete_permission  # Django admin hook
_.PRODUCER_APPLICATION  # Consent.Context choice (onboarding records it by value)
_.requested_at  # PrivacyRequest fields: admin list and queries by keyword
_.handled_by  # PrivacyRequest field
_.RegistryConfig  # Django: INSTALLED_APPS "shop.registry"
_.RegistryCountView  # review dashboard URLs (get_class)
_.imported_at  # ProvinceRegistry field: ordering, template
_.imported_by  # ProvinceRegistry field: template
_.EInvoiceConfig  # INSTALLED_APPS (shop.einvoice)
_.rate_source  # SettlementTaxLine field: filled by keyword (payments.settlements.tax_lines), voucher/admin
_.tax_category_of  # payments.tax_rates: the Python twin of line_category_expression (tests, shell)
_.SettlementVoucherView  # finance and portal dashboard URLs (get_class)
_.DeclarationView  # finance dashboard URLs (get_class)
_.completed_at  # written by shop.customer.privacy through create()/update() keywords
_.customer_data_zip  # a file-job handler named by its dotted path (shop.dashboard.files.kinds)
_.CommunesView  # review dashboard URLs (get_class): per-commune listing (issue 23)
_.CommuneDetailView  # review dashboard URLs (get_class)
_.assisted_by  # set on producers for the commune page's template
_.RecordingSmsBackend  # settings OCOP_SMS_BACKEND (dotted path)
_.registration_number_matched  # ProducerClaim field: claim pages and the office's evidence (templates)
_.code_sent_at  # ProducerClaim field: evidence (admin, templates, tests)
_.proven_at  # ProducerClaim field: evidence (templates, queries by keyword)
_.SettlementBatchView  # finance dashboard URLs (get_class): the bank batch file and batch payment (issue 23)
_.paid_account_holder  # Settlement field: written by payments.settlements.mark_paid, shown on the finance page
_.number_format  # openpyxl cell attribute (payments.payouts.batch_xlsx keeps account numbers as text)

# --- The provincial registry import (shop/registry) ---
_.import_rows  # shop.registry.importer: the import service's contract (issue 23), called by tests and other parts
_.registry_count  # RegistryImport field: set by the importer, shown by registry_import_detail.html
_.dry_run_of  # RegistryImport field: read back through related_name "real_runs" (shop/registry/views.py)
_.unchanged  # RegistryImport field: read with getattr(record, outcome) for each Outcome (RegistryImport.counts)
_.registry_import  # RegistryImportLine field: the FK the lines are created and read through ("lines")

# --- Provincial offices (shop/users/offices.py, review dashboard) ---
_.OfficersView  # review dashboard URLs (get_class): "Cán bộ theo tỉnh" (issue 23)
_.action_assign  # OfficersView: dispatched by name from its ``actions`` table
_.action_unassign  # OfficersView: dispatched by name from its ``actions`` table
_.national_by_share  # Figures: the national chart's order (partials/national_table.html)
_.certified_here  # NationalRow: products with a valid certificate on the platform (CSV, tests against the page)
_.assigned_by  # OfficerProvince field: set by keyword (shop.users.offices.assign), shown on officers.html
_.assigned_at  # OfficerProvince field: shown on officers.html
_.bin_for_name  # partner migration 0015 fills Partner.bank_bin from the bank name typed before banks were listed
_.order_actions  # Oscar's OrderDetailView reads the allowed order-level actions (shop.dashboard.orders.views)
_.line_actions  # Oscar's OrderDetailView reads the allowed line-level actions
_.send_order_placed_email  # Oscar's OrderPlacementMixin.handle_successful_order calls it (ours: the worker sends it)
_.get_order_status_form  # Oscar's OrderDetailView hook: None, the order status is derived from its lines
_.change_line_statuses  # Oscar's OrderDetailView dispatches the "change_line_statuses" line action to it
_.sort_title  # ProductDocument field: Elasticsearch sorts "title-asc" by it (shop.search.backends)
_.sort_title_en  # ProductDocument field: the English pages' "title-asc" sort
_.export_headings  # cms/admin_language.py: read by Wagtail's redirects IndexView (its CSV/XLSX export)
_._class  # ResilientRedisCache: Django's RedisCache builds its client from it (shop.core.cache)
_.has_product  # WishListChoice (user_wishlists): add_to_wishlist.html reads it
_.demo_loaded  # tests/conftest.py: a reused test database keeps its files, a new one starts with none
_.record_discount  # OrderCreator: Oscar's place_order calls it per offer application (shop/order/utils.py)
_.record_voucher_usage  # OrderCreator: Oscar's place_order calls it per voucher (shop/order/utils.py)
_.hold_full_collections  # shop.core.collector: deploy/gunicorn.conf.py's post_worker_init calls it
_.between_requests  # shop.core.collector: deploy/gunicorn.conf.py's post_request calls it
