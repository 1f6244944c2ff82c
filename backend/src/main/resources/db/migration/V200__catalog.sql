-- Catalog: published titles and what hangs off them. Child rows are replaced as a whole when a title is republished.
CREATE TABLE catalog_title (
    id                  UUID           PRIMARY KEY,
    title               VARCHAR(200)   NOT NULL,
    synopsis            VARCHAR(4000)  NOT NULL,
    release_year        INT            NOT NULL,
    maturity_rating     VARCHAR(8)     NOT NULL,
    duration_ms         BIGINT         NOT NULL,
    master_playlist_key VARCHAR(500)   NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    revision            INT            NOT NULL
);
CREATE INDEX catalog_title_newest ON catalog_title (published_at DESC, id);

CREATE TABLE catalog_genre (
    slug VARCHAR(80)  PRIMARY KEY,
    name VARCHAR(80)  NOT NULL
);

CREATE TABLE catalog_title_genre (
    title_id   UUID        NOT NULL REFERENCES catalog_title (id) ON DELETE CASCADE,
    genre_slug VARCHAR(80) NOT NULL REFERENCES catalog_genre (slug),
    position   INT         NOT NULL,
    PRIMARY KEY (title_id, genre_slug)
);
CREATE INDEX catalog_title_genre_by_genre ON catalog_title_genre (genre_slug, title_id);

CREATE TABLE catalog_cast (
    title_id UUID         NOT NULL REFERENCES catalog_title (id) ON DELETE CASCADE,
    position INT          NOT NULL,
    name     VARCHAR(200) NOT NULL,
    PRIMARY KEY (title_id, position)
);

CREATE TABLE catalog_artwork (
    title_id   UUID         NOT NULL REFERENCES catalog_title (id) ON DELETE CASCADE,
    kind       VARCHAR(20)  NOT NULL,
    variant    INT          NOT NULL,
    origin_key VARCHAR(500) NOT NULL,
    width      INT          NOT NULL,
    height     INT          NOT NULL,
    PRIMARY KEY (title_id, kind, variant)
);

CREATE TABLE catalog_rendition (
    title_id       UUID         NOT NULL REFERENCES catalog_title (id) ON DELETE CASCADE,
    position       INT          NOT NULL,
    width          INT          NOT NULL,
    height         INT          NOT NULL,
    bitrate_bps    BIGINT       NOT NULL,
    codecs         VARCHAR(100) NOT NULL,
    quality_score  DOUBLE PRECISION NOT NULL,
    quality_metric VARCHAR(10)  NOT NULL,
    PRIMARY KEY (title_id, position)
);
