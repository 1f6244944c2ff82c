package dev.marquee.backend.catalog.internal;

import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.backend.catalog.ViewerContextResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies {@link ViewerContext} controller arguments from the highest-precedence {@link ViewerContextResolver}
 * bean, so the identity module can take over from the catalog's header-based default without touching controllers.
 */
@Component
class ViewerContextArgumentResolver implements HandlerMethodArgumentResolver {

    private final ObjectProvider<ViewerContextResolver> resolvers;

    ViewerContextArgumentResolver(ObjectProvider<ViewerContextResolver> resolvers) {
        this.resolvers = resolvers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ViewerContext.class;
    }

    @Override
    public ViewerContext resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request == null) {
            throw new IllegalStateException("ViewerContext arguments need a servlet request");
        }
        return resolvers.orderedStream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no ViewerContextResolver bean"))
                .resolve(request);
    }
}
